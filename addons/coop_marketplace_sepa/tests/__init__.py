from . import test_standing_direct_debit
