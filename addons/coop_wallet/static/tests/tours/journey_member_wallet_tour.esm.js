import {registry} from "@web/core/registry";

// The demo member (login "membre", on a phone) finds her prepaid account in
// her space, tops it up online with 20 € and gives 2 € to the solidarity
// fund, pays with the demo provider, and finds the new balance. The test
// checks the order, the card and the fund on the server.
registry.category("web_tour.tours").add("coop_wallet_journey_member", {
    steps: () => [
        {
            content: "her space shows her account and its balance",
            trigger: "a[href='/my/wallet']:contains('Mon porte-monnaie')",
        },
        {
            content: "the balance is on the entry",
            trigger: "a[href='/my/wallet'] .o_coop_wallet_home_balance:contains('25,00')",
            run: "click",
        },
        {
            content: "the balance",
            trigger: ".o_coop_wallet_balance:contains('25,00')",
        },
        {
            content: "what she did with it",
            trigger: ".o_coop_wallet_history:contains('Recharge en caisse')",
        },
        {
            content: "20 €",
            trigger: ".o_coop_wallet_top_up label:contains('20,00')",
            run: "click",
        },
        {
            content: "2 € to the fund",
            trigger: "#coop_wallet_donation",
            run: "select 2",
        },
        {
            content: "top up and pay",
            trigger: ".o_coop_wallet_submit",
            run: "click",
        },
        {
            content: "the quotation says what she pays",
            trigger: "#portal_sale_content:contains('Recharge porte-monnaie 20 €'):contains('Don au fonds')",
        },
        {
            content: "pay now",
            trigger: "#o_sale_portal_paynow",
            run: "click",
        },
        {
            content: "the demo provider",
            trigger: ".modal input[name='o_payment_radio'][data-payment-method-code='demo']",
            run: "click",
        },
        {
            content: "a card number",
            trigger: ".modal input[name='customer_input']",
            run: "edit 4242424242424242",
        },
        {
            content: "pay",
            trigger: ".modal button[name='o_payment_submit_button']:not(:disabled)",
            run: "click",
        },
        {
            content: "the payment is done: the order is confirmed",
            trigger: ".o_portal_sale_sidebar, #portal_sale_content",
        },
        {
            content: "back to her account",
            trigger: "body",
            run: "goToUrl /my/wallet",
        },
        {
            content: "20 € more",
            trigger: ".o_coop_wallet_balance:contains('45,00')",
        },
    ],
});
