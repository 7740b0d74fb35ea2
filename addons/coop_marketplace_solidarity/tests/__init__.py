from . import test_tiers_on_marketplace
