from . import coop_application_refuse_wizard
