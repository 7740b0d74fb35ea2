from . import account_edi_common
from . import account_edi_xml_cii
from . import account_move
from . import coop_producer_statement
from . import res_partner
