import {registry} from "@web/core/registry";

// The demo member (login "membre", on a phone) avoids gluten: the shop's
// "Allergènes" menu, "Sans gluten": the sourdough bread is gone, the apple
// juice stays. Then the bread's page: its ingredients, "blé" in bold, its
// allergens and its traces.
registry.category("web_tour.tours").add("coop_product_info_member_reads_allergens", {
    steps: () => [
        {
            content: "the bread is in the shop",
            trigger: ".oe_product_cart a:contains('Pain de campagne au levain')",
        },
        {
            content: "the shop's allergen menu",
            trigger: ".o_coop_allergen_filter .dropdown-toggle:contains('Allergènes')",
            run: "click",
        },
        {
            content: "without gluten",
            trigger: ".o_coop_allergen_filter .dropdown-item:contains('Sans gluten')",
            run: "click",
        },
        {
            content: "the menu says the filter",
            trigger: ".o_coop_allergen_filter .dropdown-toggle:contains('Sans gluten')",
        },
        {
            content: "the apple juice stays",
            trigger: ".oe_product_cart a:contains('Jus de pomme (1 L)')",
        },
        {
            content: "the bread is gone",
            trigger: "#products_grid:not(:contains('Pain de campagne au levain'))",
        },
        {
            content: "back to every product",
            trigger: ".o_coop_allergen_filter .dropdown-toggle",
            run: "click",
        },
        {
            trigger: ".o_coop_allergen_filter .dropdown-item:contains('Tous les produits')",
            run: "click",
        },
        {
            content: "open the bread",
            trigger: ".oe_product_cart a:contains('Pain de campagne au levain')",
            run: "click",
        },
        {
            content: "its ingredients, wheat in bold",
            trigger: ".o_coop_ingredients:contains('Ingrédients') strong:contains('blé')",
        },
        {
            content: "its allergens and its traces",
            trigger: ".o_coop_allergens strong:contains('Gluten')",
        },
        {
            trigger: ".o_coop_traces:contains('Peut contenir des traces de'):contains('Sésame')",
        },
    ],
});
