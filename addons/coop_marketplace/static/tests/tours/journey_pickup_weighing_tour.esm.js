import {registry} from "@web/core/registry";

// Pickup day on a phone, as the till's volunteer (login "caisse"): this
// week's farm cycle closed yesterday; Amina's chicken and squash are sold
// by weight. He weighs them, then hands the order over. The test checks
// the prices and the money on the server.
function typeWeight(product, weight) {
    return [
        {
            content: `the weight of ${product}`,
            trigger: `.modal .o_data_row:contains('${product}') .o_data_cell[name='real_weight']`,
            run: "click",
        },
        {
            content: `type ${weight} kg for ${product}`,
            trigger: `.modal .o_data_row:contains('${product}') .o_field_widget[name='real_weight'] input`,
            run: `edit ${weight}`,
        },
    ];
}

// Amina's order of this week's cycle: the row of hers with goods to weigh
// (not merely the first row with her name).
const AMINA_TO_WEIGH = ".o_data_row:contains('Amina Benali'):has(button:contains('Peser'))";

registry.category("web_tour.tours").add("coop_marketplace_journey_pickup_weighing", {
    steps: () => [
        {
            content: "today's slot at the Fives épicerie",
            trigger: ".o_group_header:contains('Lille-Fives'):first",
            run: "click",
        },
        {
            content: "Amina's order has goods to weigh: no hand-over yet",
            trigger: AMINA_TO_WEIGH,
            run() {
                const rows = [...document.querySelectorAll(".o_data_row")].filter(
                    (r) =>
                        r.textContent.includes("Amina Benali") &&
                        [...r.querySelectorAll("button")].some((b) =>
                            b.textContent.includes("Peser")
                        )
                );
                if (rows.length !== 1) {
                    throw new Error(`${rows.length} orders of Amina to weigh, 1 expected`);
                }
                if (rows[0].querySelector("button[name='action_coop_mark_collected']")) {
                    throw new Error("the order can be handed over before weighing");
                }
            },
        },
        {
            content: "weigh Amina's order",
            trigger: `${AMINA_TO_WEIGH} button:contains('Peser')`,
            run: "click",
        },
        {
            content: "the dialog lists the goods sold by weight, with the estimate",
            trigger: ".modal .o_data_row:contains('Poulet fermier'):contains('1,6')",
        },
        ...typeWeight("Poulet fermier", "1,72"),
        ...typeWeight("Courge butternut", "1,3"),
        {
            content: "save the weights",
            trigger: ".modal-footer button:contains('Enregistrer les pesées')",
            run: "click",
        },
        {
            content: "weighed: the order can be handed over",
            trigger:
                ".o_data_row:contains('Amina Benali') button[name='action_coop_mark_collected']",
        },
    ],
});
