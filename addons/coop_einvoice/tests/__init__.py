from . import test_facturx, test_facturx_import, test_self_billing
