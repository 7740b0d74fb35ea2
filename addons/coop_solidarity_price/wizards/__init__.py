from . import coop_tier_assign_wizard
