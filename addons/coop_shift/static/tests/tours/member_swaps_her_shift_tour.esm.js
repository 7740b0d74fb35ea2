import {registry} from "@web/core/registry";

// Amina (login "membre"), on her phone, on "Mes créneaux": up to date, she
// offers her next shift to the other members, then signs up for a shift
// short of volunteers. The test checks both on the server.
registry.category("web_tour.tours").add("coop_shift_member_swaps_her_shift", {
    steps: () => [
        {
            content: "she is up to date, in French",
            trigger: ".o_coop_shift_state:contains('À jour'):contains('Compteur')",
        },
        {
            content: "she looks for a replacement for her next shift",
            trigger: ".o_coop_shift_next:first .o_coop_shift_swap",
            run: "click",
        },
        {
            content: "told her place is offered",
            trigger: ".o_coop_shift_message.alert-success:contains('proposée aux autres membres')",
        },
        {
            content: "the shift says it is offered, she may still come",
            trigger: ".o_coop_shift_next:first:contains('Proposé aux autres membres')",
        },
        {
            content: "she joins a shift where help is needed",
            trigger: ".o_coop_shift_makeup:first .o_coop_shift_join",
            run: "click",
        },
        {
            content: "told she is registered",
            trigger: ".o_coop_shift_message.alert-success:contains('Inscription enregistrée')",
        },
    ],
});
