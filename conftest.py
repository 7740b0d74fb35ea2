"""Repository-wide pytest rules.

A skipped test proves nothing: Odoo skips a tour when Chromium or
websocket-client is missing, or when the browser cannot connect. Here every
skip is reported as a failure, so `make test` can't pass without running the
tours. (Expected failures, xfail, are left alone.)
"""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        report.outcome = "failed"
        report.longrepr = (
            f"{item.nodeid} was SKIPPED ({reason}); skips count as failures "
            "here: install what it needs (see README, Tests)."
        )
