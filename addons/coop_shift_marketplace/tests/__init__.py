from . import test_suspended_member_in_the_shop
