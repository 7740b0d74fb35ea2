import {registry} from "@web/core/registry";

// The farm (login "producteur") supplies the three platforms of the
// network: in one space, without touching the company switcher, it reads
// the purchase orders and the statements of each, each in its platform's
// name. The test checks the database and the page's companies.
function openMenu(xmlid) {
    return [
        {
            content: `open the menu holding ${xmlid}`,
            trigger: ".o_main_navbar",
            run() {
                const link = document.querySelector(
                    `.o_main_navbar a[data-menu-xmlid='${xmlid}']`
                );
                if (!link || !link.offsetParent) {
                    document.querySelector(".o_main_navbar .o_menu_sections_more button")?.click();
                }
            },
        },
        {
            content: `open ${xmlid}`,
            trigger: `a[data-menu-xmlid='${xmlid}']:visible`,
            run: "click",
        },
    ];
}

const PLATFORMS = [
    "Épicerie coopérative Arrageoise",
    "LeCourtCircuit",
    "Épicerie coopérative",
];

function listShowsEveryPlatform(what) {
    return {
        content: `${what} of the three platforms, each named`,
        trigger: ".o_list_view th:contains('Plateforme')",
        run() {
            const cells = [
                ...document.querySelectorAll(".o_list_view .o_data_cell[name='company_id']"),
            ].map((cell) => cell.textContent.trim());
            for (const platform of PLATFORMS) {
                if (!cells.includes(platform)) {
                    throw new Error(`${what}: no row of ${platform} in ${cells}`);
                }
            }
        },
    };
}

registry.category("web_tour.tours").add("coop_network_journey_producer", {
    steps: () => [
        {
            content: "the farm lands on its products",
            trigger: ".o_list_view .o_data_row:contains('Carottes (1 kg)')",
        },
        ...openMenu("coop_producers.coop_producer_space_orders_menu"),
        listShowsEveryPlatform("purchase orders"),
        ...openMenu("coop_producers.coop_producer_space_statements_menu"),
        listShowsEveryPlatform("statements"),
        {
            content: "open LeCourtCircuit's statement",
            trigger: ".o_list_view .o_data_row:has(.o_data_cell[name='company_id']:contains('LeCourtCircuit')) .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "what LeCourtCircuit owes, for its cycle's carrots",
            trigger: ".o_form_view:has(.o_field_widget[name='company_id']:contains('LeCourtCircuit')) .o_field_widget[name='line_ids'] .o_data_row:contains('Carottes')",
        },
    ],
});
