from . import account_move
from . import coop_money_checker
from . import coop_membership_application
from . import coop_membership_document
from . import res_company
from . import res_config_settings
