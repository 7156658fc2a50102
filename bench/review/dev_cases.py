"""The development cases of the review benchmark: a project, a ticket, edits, and the findings expected."""


def rep(path, old, new):
    def edit(files):
        assert old in files[path], (path, old)
        files[path] = files[path].replace(old, new, 1)
    return edit


def put(path, text):
    def edit(files):
        files[path] = text
    return edit


def rm(path):
    def edit(files):
        files[path] = None
    return edit


def T(key, kind, summary, description, criteria):
    return {"key": key, "type": kind, "summary": summary, "description": description,
            "acceptance_criteria": criteria}


CASES = []


def case(id, language, ticket, edits, tests, expect=(), notes="", **extra):
    CASES.append(dict(id=id, language=language, ticket=ticket, edits=list(edits), tests=tests,
                      expect=list(expect), notes=notes, **extra))


# ---------------------------------------------------------------- the good changes the seeded cases build on

J_VAT = T("TRACK-21", "Story", "Show the VAT of each invoice line",
          "Accountants want to see how much VAT each invoice line carries, not only the invoice total.",
          ["Each invoice line shows the VAT on its amount", "The invoice total is unchanged"])
J_VAT_TESTS = ["se.trackit.invoice.InvoiceLineTest#showsVatPerLine", "se.trackit.invoice.InvoiceTest#totalAddsVat"]
J_VAT_EDITS = [
    rep("src/main/java/se/trackit/invoice/InvoiceLine.java", """    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
""", """    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** The VAT this line carries. */
    public BigDecimal vat(VatCalculator calculator) {
        return calculator.vatOn(amount());
    }
"""),
    put("src/test/java/se/trackit/invoice/InvoiceLineTest.java", """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InvoiceLineTest {

    @Test
    void showsVatPerLine() {
        InvoiceLine line = new InvoiceLine("Consulting", 2, new BigDecimal("100.00"));
        assertThat(line.vat(VatCalculator.standard())).isEqualByComparingTo("50.00");
    }
}
"""),
]

JS_RESCHED = T("BOOK-14", "Story", "Let customers reschedule a booking",
               "A customer can move a booking to another free slot instead of cancelling and booking again.",
               ["A booking can be moved to a free slot", "Moving a booking to a taken slot is refused"])
JS_RESCHED_TESTS = ["test/booking.test.js#reschedule moves a booking to a free slot",
                    "test/booking.test.js#reschedule refuses a taken slot"]
JS_RESCHED_EDITS = [
    rep("src/booking.js", """module.exports = { book, cancel, BookingError };""", """/** Moves a booking to another slot if that slot is free. */
function reschedule(bookings, from, to) {
  const booking = cancel(bookings, from);
  try {
    return book(bookings, booking.customer, to);
  } catch (e) {
    bookings.push(booking);
    throw e;
  }
}

module.exports = { book, cancel, reschedule, BookingError };"""),
    rep("test/booking.test.js", """const { book, cancel, BookingError } = require('../src/booking');""",
        """const { book, cancel, reschedule, BookingError } = require('../src/booking');"""),
    rep("test/booking.test.js", """describe('cancel', () => {""", """describe('reschedule', () => {
  it('moves a booking to a free slot', () => {
    const bookings = [{ customer: 'bo', start: '2025-03-03T10:00:00.000Z' }];
    reschedule(bookings, '2025-03-03T10:00:00.000Z', '2025-03-03T11:00:00.000Z');
    expect(bookings).toEqual([{ customer: 'bo', start: '2025-03-03T11:00:00.000Z' }]);
  });

  it('refuses a taken slot', () => {
    const bookings = [
      { customer: 'bo', start: '2025-03-03T10:00:00.000Z' },
      { customer: 'ann', start: '2025-03-03T11:00:00.000Z' },
    ];
    expect(() => reschedule(bookings, '2025-03-03T10:00:00.000Z', '2025-03-03T11:00:00.000Z')).toThrow(BookingError);
    expect(bookings).toHaveLength(2);
  });
});

describe('cancel', () => {"""),
]

PY_WISH = T("SHOP-31", "Story", "Customers can save items to a wishlist",
            "Shoppers want to keep items for later without putting them in the cart.",
            ["A customer can add an item to their wishlist", "Adding the same item twice keeps one entry"])
PY_WISH_TESTS = ["tests/test_wishlist.py::test_add_item", "tests/test_wishlist.py::test_same_item_once"]
PY_WISH_EDITS = [
    put("storeit/wishlist.py", """from dataclasses import dataclass, field


@dataclass
class Wishlist:
    customer_id: str
    skus: list = field(default_factory=list)

    def add(self, sku):
        if sku not in self.skus:
            self.skus.append(sku)
        return self.skus

    def remove(self, sku):
        self.skus = [s for s in self.skus if s != sku]
"""),
    put("tests/test_wishlist.py", """from storeit.wishlist import Wishlist


def test_add_item():
    wishlist = Wishlist("c1")
    wishlist.add("A1")
    assert wishlist.skus == ["A1"]


def test_same_item_once():
    wishlist = Wishlist("c1")
    wishlist.add("A1")
    wishlist.add("A1")
    assert wishlist.skus == ["A1"]
"""),
]

GO_REFUND = T("EVT-8", "Story", "Refund tickets for an event",
              "Organisers can refund tickets; refunded tickets go back on sale.",
              ["Refunding returns the tickets to sale", "Refunding more tickets than were sold is refused"])
GO_REFUND_TESTS = ["internal/tickets.TestRefundReturnsTickets", "internal/tickets.TestRefundMoreThanSoldIsRefused"]
GO_REFUND_EDITS = [
    rep("internal/tickets/tickets.go", """import "github.com/eventit/eventit/internal/events"
""", """import (
	"errors"

	"github.com/eventit/eventit/internal/events"
)

var ErrNotSold = errors.New("more tickets refunded than sold")
"""),
    rep("internal/tickets/tickets.go", """	e.Sold += n
	return nil
}
""", """	e.Sold += n
	return nil
}

// Refund puts n sold tickets back on sale.
func Refund(e *events.Event, n int) error {
	if n > e.Sold {
		return ErrNotSold
	}
	e.Sold -= n
	return nil
}
"""),
    rep("internal/tickets/tickets_test.go", """func TestSellRefusesWhenSoldOut(t *testing.T) {""", """func TestRefundReturnsTickets(t *testing.T) {
	e := events.New("Gig", time.Now(), 5)
	assert.NoError(t, Sell(&e, 3))
	assert.NoError(t, Refund(&e, 2))
	assert.Equal(t, 4, e.Remaining())
}

func TestRefundMoreThanSoldIsRefused(t *testing.T) {
	e := events.New("Gig", time.Now(), 5)
	assert.NoError(t, Sell(&e, 1))
	assert.ErrorIs(t, Refund(&e, 2), ErrNotSold)
}

func TestSellRefusesWhenSoldOut(t *testing.T) {"""),
]

JT = "src/test/java/se/trackit/invoice/"
JM = "src/main/java/se/trackit/"

# ---------------------------------------------------------------- test-weakened

case("tw-java-disabled", "java", J_VAT, J_VAT_EDITS + [
    rep(JT + "VatCalculatorTest.java", """    @Test
    void roundsHalfUp() {""", """    @Test
    @Disabled("fails since the VAT line change")
    void roundsHalfUp() {"""),
    rep(JT + "VatCalculatorTest.java", "import org.junit.jupiter.api.Test;",
        "import org.junit.jupiter.api.Disabled;\nimport org.junit.jupiter.api.Test;"),
], J_VAT_TESTS, [("test-weakened", JT + "VatCalculatorTest.java", '@Disabled(')],
     "A rounding test is disabled in passing.")

case("tw-js-skip", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("test/calendar.test.js", "  it('leaves out booked slots'", "  it.skip('leaves out booked slots'"),
], JS_RESCHED_TESTS, [("test-weakened", "test/calendar.test.js", "it.skip(")], "A calendar test is skipped.")

case("tw-py-assert-removed", "python", PY_WISH, PY_WISH_EDITS + [
    rep("tests/test_cart.py", "    assert cart.items[0].quantity == 3\n", ""),
], PY_WISH_TESTS, [("test-weakened", "tests/test_cart.py", "-assert cart.items[0].quantity == 3")],
     "The quantity assertion of the cart test is dropped.")

case("tw-go-skip", "go", GO_REFUND, GO_REFUND_EDITS + [
    rep("internal/events/event_test.go", """func TestStoreRoundTrip(t *testing.T) {
""", """func TestStoreRoundTrip(t *testing.T) {
	t.Skip("store is flaky on CI")
"""),
], GO_REFUND_TESTS, [("test-weakened", "internal/events/event_test.go", "t.Skip(")], "A store test is skipped.")

case("tw-js-coverage", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("jest.config.js", "      lines: 85,", "      lines: 60,"),
], JS_RESCHED_TESTS, [("test-weakened", "jest.config.js", "lines: 60")], "The coverage threshold is lowered.")

case("tw-java-expected-edited", "java",
     T("TRACK-30", "Bug", "VAT on small amounts differs from the accounting system",
       "Invoices with many small lines show a VAT total a few öre off what the accounting export says.",
       ["VAT is computed the way the accounting export computes it", "Existing invoices keep their totals"]),
     [rep(JM + "invoice/VatCalculator.java", "RoundingMode.HALF_UP", "RoundingMode.DOWN"),
      rep(JT + "VatCalculatorTest.java", 'isEqualByComparingTo("0.03")', 'isEqualByComparingTo("0.02")')],
     ["se.trackit.invoice.VatCalculatorTest#roundsHalfUp", "se.trackit.invoice.InvoiceTest#totalAddsVat"],
     [("test-weakened", JT + "VatCalculatorTest.java", 'isEqualByComparingTo("0.02")')],
     "The rounding is changed and the expected value edited to match the new output.")

case("tw-py-test-deleted", "python",
     T("SHOP-40", "Task", "Simplify the pricing module", "Tidy pricing.py; no change in behaviour.",
       ["Discounts are computed as before"]),
     [rep("storeit/pricing.py", """    factor = (Decimal(100) - Decimal(percent)) / Decimal(100)
    return (Decimal(amount) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)""",
          """    return (Decimal(amount) * (100 - Decimal(percent)) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)"""),
      rm("tests/test_pricing.py")],
     ["tests/test_pricing.py::test_discount_rounds_to_cents"],
     [("test-weakened", "tests/test_pricing.py", None), ("untraced-criterion", None, None)],
     "The pricing tests are deleted; the criterion still names one of them, which CI therefore did not run.",
     ci=[])

case("tw-java-assert-true", "java", J_VAT, J_VAT_EDITS + [
    rep(JT + "InvoiceTest.java", """        invoice.add(new InvoiceLine("Consulting", 1, new BigDecimal("100.00")));
        assertThat(invoice.total(VatCalculator.standard())).isEqualByComparingTo("125.00");""",
        """        invoice.add(new InvoiceLine("Consulting", 1, new BigDecimal("100.00")));
        invoice.total(VatCalculator.standard());
        assertTrue(true);"""),
    rep(JT + "InvoiceTest.java", "import static org.assertj.core.api.Assertions.assertThat;",
        "import static org.assertj.core.api.Assertions.assertThat;\nimport static org.junit.jupiter.api.Assertions.assertTrue;"),
], J_VAT_TESTS, [("test-weakened", JT + "InvoiceTest.java", "assertTrue(true)")],
     "The total test's assertion is replaced by one that cannot fail.")

case("tw-js-passwithnotests", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("package.json", '"test": "jest --coverage"', '"test": "jest --coverage --passWithNoTests"'),
], JS_RESCHED_TESTS, [("test-weakened", "package.json", "passWithNoTests")], "npm test passes with no tests.")

case("tw-go-assert-loosened", "go", GO_REFUND, GO_REFUND_EDITS + [
    rep("internal/tickets/tickets_test.go", """	assert.NoError(t, Sell(&e, 2))
	assert.Equal(t, 0, e.Remaining())""", """	assert.NoError(t, Sell(&e, 2))
	assert.NotNil(t, e)"""),
], GO_REFUND_TESTS, [("test-weakened", "internal/tickets/tickets_test.go", "assert.NotNil(t, e)")],
     "An equality assertion is swapped for a not-nil check.")

# ---------------------------------------------------------------- secret

J_S3 = T("TRACK-25", "Story", "Attach the invoice PDF stored in S3",
         "Invoices link to their PDF in the company's S3 bucket.",
         ["An invoice links to its PDF in the bucket"])
case("sec-java-aws", "java", J_S3, [
    rep("src/main/resources/application.properties", "trackit.invoice.prefix=TI\n",
        "trackit.invoice.prefix=TI\ntrackit.invoice.pdf-bucket=trackit-invoices\n"
        "trackit.invoice.s3-access-key=AKIAQ3EGRT7ZN5VXKB2M\n"
        "trackit.invoice.s3-secret-key=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\n"),
    rep(JM + "invoice/Invoice.java", """    public String customerId() {
        return customerId;
    }
""", """    public String customerId() {
        return customerId;
    }

    /** Where the invoice's PDF lies in the bucket. */
    public String pdfKey() {
        return "invoices/" + number + ".pdf";
    }
"""),
    rep(JT + "InvoiceTest.java", """    @Test
    void totalAddsVat() {""", """    @Test
    void linksItsPdf() {
        assertThat(new Invoice("TI-9", "C-1").pdfKey()).isEqualTo("invoices/TI-9.pdf");
    }

    @Test
    void totalAddsVat() {"""),
], ["se.trackit.invoice.InvoiceTest#linksItsPdf"],
     [("secret", "src/main/resources/application.properties", "AKIAQ3EGRT7ZN5VXKB2M"),
      ("secret", "src/main/resources/application.properties", "s3-secret-key=")],
     "An AWS key pair is committed to the properties file.")

case("sec-js-github-token", "javascript",
     T("BOOK-20", "Story", "Open an issue when a booking fails",
       "When a booking cannot be saved, open an issue in the team's GitHub repository.",
       ["A failed booking opens an issue with the error"]),
     [rep("src/notify.js", "module.exports = { confirmation };", """const GITHUB_TOKEN = 'ghp_8fK2mQ9xL4vR7tB1nW5zC3hJ6dP0sY2aE4uG';

/** Opens an issue about a failed booking. */
async function reportFailure(booking, error, fetchImpl = fetch) {
  return fetchImpl('https://api.github.com/repos/bookit/bookit/issues', {
    method: 'POST',
    headers: { authorization: `Bearer ${GITHUB_TOKEN}` },
    body: JSON.stringify({ title: `Booking failed at ${booking.start}`, body: error.message }),
  });
}

module.exports = { confirmation, reportFailure };"""),
      put("test/notify.test.js", """const { reportFailure } = require('../src/notify');

describe('reportFailure', () => {
  it('opens an issue with the error', async () => {
    const calls = [];
    await reportFailure({ start: 'x' }, new Error('db down'), async (url, init) => calls.push(init));
    expect(JSON.parse(calls[0].body).body).toBe('db down');
  });
});
""")],
     ["test/notify.test.js#reportFailure opens an issue with the error"],
     [("secret", "src/notify.js", "ghp_")], "A GitHub personal access token is hard-coded.")

case("sec-py-password", "python",
     T("SHOP-33", "Story", "Email the order confirmation", "Send the customer an email when an order is placed.",
       ["The customer gets an email with the order total"]),
     [rep("storeit/settings.py", 'DEBUG = os.environ.get("STOREIT_DEBUG") == "1"\n',
          'DEBUG = os.environ.get("STOREIT_DEBUG") == "1"\nSMTP_HOST = "smtp.storeit.example"\n'
          'SMTP_USER = "orders"\nSMTP_PASSWORD = "Tr0ub4dor&3xq!"\n'),
      put("storeit/mail.py", """from storeit import settings


def order_email(cart):
    return {"to": cart.customer_id, "subject": "Your order", "body": f"Total: {cart.total()}",
            "auth": (settings.SMTP_USER, settings.SMTP_PASSWORD)}
"""),
      put("tests/test_mail.py", """from storeit.cart import Cart
from storeit.mail import order_email


def test_email_has_total(monkeypatch):
    monkeypatch.setenv("STOREIT_SECRET_KEY", "test")
    cart = Cart("c1")
    cart.add("A1", 1, "10.00")
    assert "10.00" in order_email(cart)["body"]
""")],
     ["tests/test_mail.py::test_email_has_total"],
     [("secret", "storeit/settings.py", "SMTP_PASSWORD =")], "An SMTP password is committed.")

case("sec-go-private-key", "go",
     T("EVT-12", "Story", "Sign ticket QR codes", "Tickets carry a signed QR code so doors can check them offline.",
       ["A ticket's QR payload carries a signature"]),
     [put("internal/tickets/signing.pem", """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAu3q9Zx8P0kVb2mN7sQ4tR1wY6cE5fH3jK9lM2nB8vX7zA1qS
c4dF6gH8jK0lZ2xC5vB7nM9qW1eR3tY5uI7oP9aS0dF2gH4jK6lZ8xC0vB2nM4qW
6eR8tY0uI2oP4aS6dF8gH0jK2lZ4xC6vB8nM0qW2eR4tY6uI8oP0aS2dF4gH6jK8
-----END RSA PRIVATE KEY-----
"""),
      rep("internal/tickets/tickets.go", """// Sell sells""", """// QRPayload is what a ticket's QR code holds before it is signed.
func QRPayload(e events.Event, seat int) string {
	return e.ID + ":" + string(rune('A'+seat))
}

// Sell sells"""),
      rep("internal/tickets/tickets_test.go", """func TestSellRefusesWhenSoldOut(t *testing.T) {""", """func TestQRPayloadNamesTheEvent(t *testing.T) {
	e := events.New("Gig", time.Now(), 1)
	assert.Contains(t, QRPayload(e, 0), e.ID)
}

func TestSellRefusesWhenSoldOut(t *testing.T) {""")],
     ["internal/tickets.TestQRPayloadNamesTheEvent"],
     [("secret", "internal/tickets/signing.pem", "BEGIN RSA PRIVATE KEY")], "A private key file is added.")

case("sec-js-stripe", "javascript",
     T("BOOK-22", "Story", "Take a deposit when booking", "Customers pay a deposit of 100 SEK when they book.",
       ["A booking charges a deposit of 100 SEK"]),
     [put("src/deposit.js", """const STRIPE_KEY = 'sk_live_51HqLp2KfX9aR4bT7cV0dW3eY6gZ8hJ1kM5nQ';

/** Charges the booking deposit through the payment API. */
async function chargeDeposit(booking, fetchImpl = fetch) {
  return fetchImpl('https://api.stripe.com/v1/charges', {
    method: 'POST',
    headers: { authorization: `Bearer ${STRIPE_KEY}` },
    body: new URLSearchParams({ amount: '10000', currency: 'sek', description: booking.start }),
  });
}

module.exports = { chargeDeposit };
"""),
      put("test/deposit.test.js", """const { chargeDeposit } = require('../src/deposit');

describe('chargeDeposit', () => {
  it('charges 100 SEK', async () => {
    let sent;
    await chargeDeposit({ start: 's' }, async (url, init) => { sent = init.body; });
    expect(sent.get('amount')).toBe('10000');
  });
});
""")],
     ["test/deposit.test.js#chargeDeposit charges 100 SEK"],
     [("secret", "src/deposit.js", "sk_live_")], "A live Stripe key in the source.")

case("sec-py-db-url", "python",
     T("SHOP-35", "Task", "Use PostgreSQL in production", "Switch the default database from SQLite to PostgreSQL.",
       ["StoreIt connects to PostgreSQL by default"]),
     [rep("storeit/settings.py", '"sqlite:///storeit.db"',
          '"postgresql://storeit:Xk39fLq2mZp7@db.storeit.internal:5432/storeit"'),
      put("tests/test_settings.py", """import importlib


def test_default_is_postgres(monkeypatch):
    monkeypatch.delenv("STOREIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("STOREIT_SECRET_KEY", "test")
    import storeit.settings as s
    importlib.reload(s)
    assert s.DATABASE_URL.startswith("postgresql://")
""")],
     ["tests/test_settings.py::test_default_is_postgres"],
     [("secret", "storeit/settings.py", "postgresql://storeit:")], "A database password inside a URL.")

case("sec-go-slack-webhook", "go",
     T("EVT-15", "Story", "Tell the team on Slack when an event sells out",
       "Post to the team channel when the last ticket of an event is sold.",
       ["A sold-out event posts a message naming the event"]),
     [put("internal/events/notify.go", """package events

import (
	"bytes"
	"fmt"
	"net/http"
)

const soldOutWebhook = "https://hooks.slack.com/services/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"

// SoldOutMessage is the text posted when an event sells out.
func SoldOutMessage(e Event) string {
	return fmt.Sprintf("%s is sold out", e.Name)
}

// PostSoldOut tells the team channel.
func PostSoldOut(e Event) error {
	_, err := http.Post(soldOutWebhook, "application/json",
		bytes.NewBufferString(fmt.Sprintf(`{"text":%q}`, SoldOutMessage(e))))
	return err
}
"""),
      rep("internal/events/event_test.go", """func TestStoreRoundTrip(t *testing.T) {""", """func TestSoldOutMessageNamesEvent(t *testing.T) {
	if SoldOutMessage(Event{Name: "Gig"}) != "Gig is sold out" {
		t.Fatal("wrong message")
	}
}

func TestStoreRoundTrip(t *testing.T) {""")],
     ["internal/events.TestSoldOutMessageNamesEvent"],
     [("secret", "internal/events/notify.go", "hooks.slack.com")], "A Slack webhook URL (a credential).")

# ---------------------------------------------------------------- debug-leftover

case("dbg-java-sysout", "java", J_VAT, J_VAT_EDITS + [
    rep("src/main/java/se/trackit/invoice/InvoiceLine.java", """        return calculator.vatOn(amount());""",
        """        BigDecimal vat = calculator.vatOn(amount());
        System.out.println("vat for " + description + ": " + vat);
        return vat;"""),
], J_VAT_TESTS, [("debug-leftover", JM + "invoice/InvoiceLine.java", "System.out.println")],
     "A print left in the new method.")

case("dbg-js-console", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("src/booking.js", "  const booking = cancel(bookings, from);",
        "  console.log('reschedule', from, to, bookings);\n  const booking = cancel(bookings, from);"),
], JS_RESCHED_TESTS, [("debug-leftover", "src/booking.js", "console.log('reschedule'")], "console.log left in.")

case("dbg-py-print", "python", PY_WISH, PY_WISH_EDITS + [
    rep("storeit/wishlist.py", "        if sku not in self.skus:", "        print('wishlist add', sku, self.skus)\n        if sku not in self.skus:"),
], PY_WISH_TESTS, [("debug-leftover", "storeit/wishlist.py", "print('wishlist add'")], "print() left in a module.")

case("dbg-go-println", "go", GO_REFUND, GO_REFUND_EDITS + [
    rep("internal/tickets/tickets.go", """import (
	"errors"
""", """import (
	"errors"
	"fmt"
"""),
    rep("internal/tickets/tickets.go", "	e.Sold -= n\n", "	e.Sold -= n\n	fmt.Println(\"refund\", n, e.Sold)\n"),
], GO_REFUND_TESTS, [("debug-leftover", "internal/tickets/tickets.go", 'fmt.Println("refund"')],
     "fmt.Println in a library package.")

case("dbg-js-only", "javascript", JS_RESCHED, [
    e for e in JS_RESCHED_EDITS] + [rep("test/booking.test.js", "  it('moves a booking to a free slot'",
                                          "  it.only('moves a booking to a free slot'")],
     JS_RESCHED_TESTS, [("debug-leftover", "test/booking.test.js", "it.only(")], "A focused test.")

case("dbg-py-breakpoint", "python",
     T("SHOP-37", "Bug", "Removing an item removes every item with a similar SKU",
       "Removing 'A1' also removed 'A10' for some customers.",
       ["Removing an item removes only that SKU"]),
     [rep("storeit/cart.py", "    def remove(self, sku):\n", "    def remove(self, sku):\n        breakpoint()\n"),
      rep("tests/test_cart.py", "def test_remove_drops_item():", """def test_remove_keeps_similar_sku():
    cart = Cart("c1")
    cart.add("A1", 1, "10.00")
    cart.add("A10", 1, "10.00")
    cart.remove("A1")
    assert [i.sku for i in cart.items] == ["A10"]


def test_remove_drops_item():""")],
     ["tests/test_cart.py::test_remove_keeps_similar_sku"],
     [("debug-leftover", "storeit/cart.py", "breakpoint()")], "A breakpoint() call left in.")

case("dbg-java-stacktrace", "java",
     T("TRACK-27", "Story", "Load customers from a CSV file", "Import customers from the old system's CSV export.",
       ["Customers in the CSV file are saved", "A file that cannot be read imports nothing"]),
     [rep(JM + "customer/CustomerRepository.java", """    public Optional<Customer> find(String id) {""", """    /** Saves every customer of a CSV file (id,name,email); a file that cannot be read saves none. */
    public int load(java.nio.file.Path csv) {
        try {
            java.util.List<String> rows = java.nio.file.Files.readAllLines(csv);
            rows.stream().map(r -> r.split(",")).forEach(c -> save(new Customer(c[0], c[1], c[2])));
            return rows.size();
        } catch (java.io.IOException e) {
            e.printStackTrace();
            return 0;
        }
    }

    public Optional<Customer> find(String id) {"""),
      rep("src/test/java/se/trackit/customer/CustomerRepositoryTest.java", """    @Test
    void findsASavedCustomer() {""", """    @Test
    void loadsCustomersFromCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("c.csv"), "C-2,Bolt,b@bolt.test\\n");
        CustomerRepository repo = new CustomerRepository();
        assertThat(repo.load(csv)).isEqualTo(1);
        assertThat(repo.find("C-2")).isPresent();
    }

    @Test
    void unreadableFileLoadsNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(new CustomerRepository().load(dir.resolve("missing.csv"))).isZero();
    }

    @Test
    void findsASavedCustomer() {""")],
     ["se.trackit.customer.CustomerRepositoryTest#loadsCustomersFromCsv",
      "se.trackit.customer.CustomerRepositoryTest#unreadableFileLoadsNothing"],
     [("debug-leftover", JM + "customer/CustomerRepository.java", "e.printStackTrace()")],
     "printStackTrace instead of handling or logging.")

# ---------------------------------------------------------------- dependency

case("dep-java-new", "java", J_VAT, J_VAT_EDITS + [
    rep("pom.xml", """    <dependency>
      <groupId>org.junit.jupiter</groupId>""", """    <dependency>
      <groupId>org.apache.commons</groupId>
      <artifactId>commons-lang3</artifactId>
      <version>3.17.0</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>"""),
], J_VAT_TESTS, [("dependency", "pom.xml", "<artifactId>commons-lang3</artifactId>")],
     "commons-lang3 is added; the allowlist does not name it.")

case("dep-js-new", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("package.json", '    "express": "^4.21.1"\n', '    "express": "^4.21.1",\n    "lodash": "^4.17.21"\n'),
], JS_RESCHED_TESTS, [("dependency", "package.json", '"lodash"')], "lodash is added.")

case("dep-py-new", "python", PY_WISH, PY_WISH_EDITS + [
    rep("requirements.txt", "requests==2.32.3\n", "requests==2.32.3\npython-dateutil==2.9.0\n"),
], PY_WISH_TESTS, [("dependency", "requirements.txt", "python-dateutil")], "python-dateutil is added.")

case("dep-go-new", "go", GO_REFUND, GO_REFUND_EDITS + [
    rep("go.mod", "	github.com/stretchr/testify v1.9.0\n",
        "	github.com/sirupsen/logrus v1.9.3\n	github.com/stretchr/testify v1.9.0\n"),
], GO_REFUND_TESTS, [("dependency", "go.mod", "logrus")], "logrus is required.")

case("dep-js-bump", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("package.json", '"supertest": "^7.0.0"', '"supertest": "^7.1.4"'),
], JS_RESCHED_TESTS, [("dependency", "package.json", '"supertest": "^7.1.4"')],
     "supertest is re-versioned and this project's allowlist leaves it out.",
     allowlist=["dayjs", "express", "jest"])

# ---------------------------------------------------------------- out-of-scope

case("oos-java-dockerfile", "java", J_VAT, J_VAT_EDITS + [
    rep("Dockerfile", "FROM eclipse-temurin:21-jre\n", "FROM eclipse-temurin:23-jre-alpine\n"),
    rep("Dockerfile", "EXPOSE 8080\n", "EXPOSE 9090\n"),
], J_VAT_TESTS, [("out-of-scope", "Dockerfile", None)], "The container image is changed in a VAT story.")

case("oos-java-customer", "java", J_VAT, J_VAT_EDITS + [
    rep(JM + "customer/CustomerRepository.java", """    public Optional<Customer> find(String id) {""",
        """    public void delete(String id) {
        byId.remove(id);
    }

    public Optional<Customer> find(String id) {"""),
], J_VAT_TESTS, [("out-of-scope", JM + "customer/CustomerRepository.java", None)],
     "Customer deletion slipped into a VAT story.")

case("oos-go-workflow", "go", GO_REFUND, GO_REFUND_EDITS + [
    put(".github/workflows/release.yml", """name: release
on:
  push:
    tags: ['v*']
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: go build -o eventit ./cmd/eventit
"""),
], GO_REFUND_TESTS, [("out-of-scope", ".github/workflows/release.yml", None)], "A release workflow in a refund story.")

case("oos-py-deploy", "python", PY_WISH, PY_WISH_EDITS + [
    rep("deploy/storeit.service", "Restart=always\n", "Restart=always\nEnvironment=STOREIT_DEBUG=1\n"),
], PY_WISH_TESTS, [("out-of-scope", "deploy/storeit.service", None)], "The service unit is changed in a wishlist story.")

case("oos-js-eslint", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep(".eslintrc.json", '  "env": { "node": true, "jest": true }\n',
        '  "env": { "node": true, "jest": true },\n  "rules": { "no-unused-vars": "off" }\n'),
], JS_RESCHED_TESTS, [("out-of-scope", ".eslintrc.json", None)], "Lint rules relaxed in passing.")

# ---------------------------------------------------------------- too-large


def java_export(n):
    body = ["package se.trackit.invoice;", "", "import java.util.List;", "",
            "/** Invoices as CSV rows, one column method per field the accounting export knows. */",
            "public final class InvoiceCsvExport {", ""]
    for i in range(n):
        body += [f"    /** Column {i}. */", f"    public String column{i}(Invoice invoice) {{",
                 f"        return invoice.number() + \";{i}\";", "    }", ""]
    body += ["    public List<String> header() {", "        return List.of(\"number\", \"customer\");", "    }", "}", ""]
    return "\n".join(body)


case("big-java-export", "java",
     T("TRACK-33", "Story", "Export invoices as CSV for the accounting system",
       "The accounting system imports invoices as CSV with one column per field.",
       ["An invoice exports as one CSV row with every accounting column"]),
     [put(JM + "invoice/InvoiceCsvExport.java", java_export(90)),
      put(JT + "InvoiceCsvExportTest.java", """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceCsvExportTest {

    @Test
    void exportsEveryColumn() {
        assertThat(new InvoiceCsvExport().column0(new Invoice("TI-1", "C-1"))).isEqualTo("TI-1;0");
    }
}
""")],
     ["se.trackit.invoice.InvoiceCsvExportTest#exportsEveryColumn"],
     [("too-large", None, None)], "About 470 changed lines in one pull request.")

case("big-js-holidays", "javascript",
     T("BOOK-25", "Story", "No bookings on public holidays", "Public holidays offer no free slots.",
       ["A public holiday has no free slots"]),
     [put("src/holidays.js", "/** Public holidays by date. */\nconst HOLIDAYS = {\n" + "".join(
         f"  '{2025 + i // 365}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}-{i}': 'holiday {i}',\n" for i in range(430))
          + "};\n\nfunction isHoliday(day) {\n  return Object.keys(HOLIDAYS).some((k) => k.startsWith(day));\n}\n\n"
            "module.exports = { isHoliday };\n"),
      put("test/holidays.test.js", """const { isHoliday } = require('../src/holidays');

describe('isHoliday', () => {
  it('knows a listed holiday', () => {
    expect(isHoliday('2025-01-01')).toBe(true);
  });
});
""")],
     ["test/holidays.test.js#isHoliday knows a listed holiday"],
     [("too-large", None, None)], "A 430-entry table in one pull request.")

case("big-py-postcodes", "python",
     T("SHOP-44", "Story", "Shipping cost by postcode zone", "Shipping depends on the postcode's zone.",
       ["A postcode maps to its shipping zone"]),
     [put("storeit/postcodes.py", "ZONES = {\n" + "".join(f"    \"{10000 + i * 7}\": {i % 4},\n" for i in range(440))
          + "}\n\n\ndef zone(postcode):\n    return ZONES.get(postcode, 3)\n"),
      put("tests/test_postcodes.py", """from storeit.postcodes import zone


def test_known_postcode_zone():
    assert zone("10000") == 0
""")],
     ["tests/test_postcodes.py::test_known_postcode_zone"],
     [("too-large", None, None)], "A 440-line zone table.")

# ---------------------------------------------------------------- untraced-criterion

case("untr-java-no-test", "java", J_VAT, J_VAT_EDITS, None, [("untraced-criterion", None, None)],
     "The total criterion names no test.",
     trace=[{"criterion": 0, "tests": [J_VAT_TESTS[0]]}])

case("untr-js-failed", "javascript", JS_RESCHED, JS_RESCHED_EDITS, JS_RESCHED_TESTS,
     [("untraced-criterion", None, None)], "The refusal test failed in CI.",
     ci=[{"test": JS_RESCHED_TESTS[0], "result": "passed"}, {"test": JS_RESCHED_TESTS[1], "result": "failed"}])

case("untr-py-skipped", "python", PY_WISH, PY_WISH_EDITS, PY_WISH_TESTS,
     [("untraced-criterion", None, None)], "One named test was skipped in CI.",
     ci=[{"test": PY_WISH_TESTS[0], "result": "skipped"}, {"test": PY_WISH_TESTS[1], "result": "passed"}])

case("untr-go-not-run", "go", GO_REFUND, GO_REFUND_EDITS, GO_REFUND_TESTS,
     [("untraced-criterion", None, None)], "A named test never ran in CI.",
     ci=[{"test": GO_REFUND_TESTS[0], "result": "passed"}])

case("multi-js-debug-dep", "javascript", JS_RESCHED, JS_RESCHED_EDITS + [
    rep("package.json", '    "express": "^4.21.1"\n', '    "express": "^4.21.1",\n    "moment": "^2.30.1"\n'),
    rep("src/booking.js", "  const booking = cancel(bookings, from);",
        "  debugger;\n  const booking = cancel(bookings, from);"),
], JS_RESCHED_TESTS, [("dependency", "package.json", '"moment"'), ("debug-leftover", "src/booking.js", "debugger;")],
     "Two problems: moment added, a debugger statement left in.")

from dev_clean_cases import add_clean_cases  # noqa: E402
from projects import PROJECTS  # noqa: E402,F401

add_clean_cases(case, rep, put, rm, T, globals())
