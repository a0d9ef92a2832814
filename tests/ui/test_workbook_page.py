"""The admin's Excel page: export and template downloads; other roles are refused."""


def test_admin_sees_export_template_and_upload(engine, run_page):
    app = run_page(engine, "pages/workbook.py", role="admin")
    assert not app.exception
    keys = {button.key for button in app.get("download_button")}
    assert keys == {"workbook_export", "workbook_template"}
    assert app.title[0].value == "Excel 台账导入导出"


def test_leader_cannot_open_the_excel_page(engine, run_page):
    app = run_page(engine, "pages/workbook.py", role="leader")
    assert app.error and not app.get("download_button")
