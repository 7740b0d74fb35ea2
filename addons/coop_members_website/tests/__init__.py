from . import test_membership_application
from . import test_join_page
