"""Visitors see personal names and phone numbers masked; other roles see them as stored."""
import pandas as pd
import pytest

from render.masking import mask_name, mask_phone, people


@pytest.mark.parametrize(("name", "masked"), [
    ("王小明", "王**"), ("李娜", "李*"), ("张伟、李娜", "张*、李*"), ("Li Na", "L* N*"), ("", None), (None, None), (float("nan"), None),
])
def test_names_keep_only_their_first_character(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(("phone", "masked"), [
    ("13812345678", "138****5678"), ("0792-8123", "****-****"), (None, None), (float("nan"), None),
])
def test_phones_keep_only_prefix_and_suffix(phone, masked):
    assert mask_phone(phone) == masked


def test_people_masks_for_visitors_only():
    frame = pd.DataFrame({"name": ["王小明"], "phone": ["13812345678"], "project": ["曼岭食品产业园"]})
    visitor = people(frame, "visitor", names=("name",), phones=("phone",))
    assert visitor.iloc[0].tolist() == ["王**", "138****5678", "曼岭食品产业园"]
    assert people(frame, "leader", names=("name",), phones=("phone",)).equals(frame)
    assert frame.iloc[0]["name"] == "王小明"  # the caller's frame is left alone


def test_a_team_member_without_a_phone_is_masked_without_error():
    # A column read from SQL holds NaN where no phone was recorded.
    frame = pd.DataFrame({"name": ["王小明", "李娜"], "phone": ["13812345678", float("nan")]})
    phones = people(frame, "visitor", names=("name",), phones=("phone",))["phone"].tolist()
    assert phones[0] == "138****5678" and pd.isna(phones[1])
