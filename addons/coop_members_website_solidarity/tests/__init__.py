from . import test_tier_request
