import {registry} from "@web/core/registry";

// A visitor (on a phone) joins the demo épicerie from its website: she reads
// who can join, fills the form, accepts the statutes and the internal rules,
// pays her shares online with Odoo's demo provider and comes back to her
// application, which says she is a member with her number. The test checks
// the database.
registry.category("web_tour.tours").add("coop_members_website_journey_join", {
    steps: () => [
        {
            content: "the page says who can join and what a share costs",
            trigger: "#coop_join_who:contains('Qui peut adhérer'):contains('la part')",
        },
        {
            content: "name",
            trigger: "#coop_join_name",
            run: "edit Chloé Lefebvre",
        },
        {
            content: "e-mail",
            trigger: "#coop_join_email",
            run: "edit chloe.lefebvre@example.fr",
        },
        {
            content: "address",
            trigger: "#coop_join_street",
            run: "edit 12 rue de Fives",
        },
        {
            content: "postcode",
            trigger: "#coop_join_zip",
            run: "edit 59800",
        },
        {
            content: "town",
            trigger: "#coop_join_city",
            run: "edit Lille",
        },
        {
            content: "two shares",
            trigger: "#coop_join_quantity",
            run: "edit 2",
        },
        {
            content: "the statutes can be read, by version",
            trigger: "a[href^='/devenir-membre/document/']:contains('Statuts (version 2026-1)')",
        },
        {
            content: "accept the statutes and the internal rules",
            trigger: "#coop_join_accept",
            run: "click",
        },
        {
            content: "send",
            trigger: "#coop_join_submit",
            run: "click",
        },
        {
            content: "her application, with the way to pay",
            trigger: "#coop_application_pay:contains('Payer mes parts en ligne')",
        },
        {
            content: "pay with the demo provider",
            trigger: "input[name='o_payment_radio'][data-payment-method-code='demo']",
            run: "click",
        },
        {
            content: "card number",
            trigger: "input[name='customer_input']",
            run: "edit 4242424242424242",
        },
        {
            content: "pay",
            trigger: "button[name='o_payment_submit_button']:not(:disabled)",
            run: "click",
        },
        {
            content: "back on her application: she is a member, with her number",
            trigger: "#coop_application_admitted:contains('Bienvenue'):contains('numéro')",
            timeout: 20000,
        },
    ],
});
