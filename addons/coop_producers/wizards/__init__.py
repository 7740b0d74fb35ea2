from . import coop_producer_statement_wizard
from . import coop_producer_stock_wizard
