# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import account_payment_order
from . import payment_return
from . import coop_money_checker
from . import account_banking_mandate
