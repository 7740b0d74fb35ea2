# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Coop: extension points (test addon)",
    "summary": "A price rule and a delivery mode added through the hooks only:"
    " never installed in a coop's database.",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "license": "AGPL-3",
    "author": "Coop addons contributors",
    "depends": ["coop_solidarity_price", "coop_marketplace"],
    "installable": True,
}
