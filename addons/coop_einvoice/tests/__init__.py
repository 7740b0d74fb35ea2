from . import test_facturx, test_facturx_import
