from . import coop_member_state_wizard
