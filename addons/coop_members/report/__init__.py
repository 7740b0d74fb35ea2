from . import report_share_certificate
from . import report_share_register
