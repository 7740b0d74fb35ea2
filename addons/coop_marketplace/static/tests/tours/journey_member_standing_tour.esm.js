import {registry} from "@web/core/registry";

// Amina (login "membre"), on her phone, takes the orchard's fruit basket by
// subscription from "Mes paniers abonnés", collected at the Fives épicerie
// on Fridays. The open cycle offers it: her order of this cycle is made at
// once. The test checks the subscription and the order on the server.
registry.category("web_tour.tours").add("coop_marketplace_journey_member_standing", {
    steps: () => [
        {
            content: "her vegetable basket, and the orchard's to take",
            trigger:
                ".o_coop_standing_card:contains('Panier de légumes de la semaine')",
        },
        {
            content: "choose Friday at the Fives épicerie",
            trigger:
                ".o_coop_standing_offer:contains('Panier de fruits du verger') select.o_coop_standing_slot",
            run() {
                const select = this.anchor;
                const option = [...select.options].find(
                    (o) => o.text.includes("Lille-Fives") && o.text.includes("Vendredi")
                );
                if (!option) {
                    throw new Error("no Friday slot at Fives in the list");
                }
                select.value = option.value;
                select.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "take the fruit basket",
            trigger:
                ".o_coop_standing_offer:contains('Panier de fruits du verger') .o_coop_standing_subscribe",
            run: "click",
        },
        {
            content: "told that this cycle's order is made",
            trigger: ".o_coop_standing_message.alert-success:contains('Panier de fruits du verger')",
        },
        {
            content: "the fruit basket is hers now",
            trigger: ".o_coop_standing_card:contains('Panier de fruits du verger')",
        },
    ],
});
