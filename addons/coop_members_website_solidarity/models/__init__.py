from . import coop_membership_application
