from . import coop_network_report
from . import coop_network_producer_report
from . import res_company
