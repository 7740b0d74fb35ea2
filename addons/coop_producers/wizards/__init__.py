from . import coop_producer_stock_wizard
