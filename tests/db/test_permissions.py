"""Role checks raise a typed error naming the action and the role."""
import pytest

from db.errors import PermissionDenied
from db.permissions import ENTRY_ROLES, Actor, require


def test_visitor_may_not_enter_records():
    with pytest.raises(PermissionDenied) as err:
        require(Actor("guest", "visitor"), ENTRY_ROLES, "create_visit")
    assert (err.value.action, err.value.role) == ("create_visit", "visitor")


def test_staff_may_enter_records():
    require(Actor("inspector", "staff"), ENTRY_ROLES, "create_visit")
