"""Clean development cases: changes a reviewer should approve, several close to a rule's edge."""


def add_clean_cases(case, rep, put, rm, T, g):
    JM = "src/main/java/se/trackit/"
    JT = "src/test/java/se/trackit/invoice/"

    case("clean-java-vat", "java", g["J_VAT"], g["J_VAT_EDITS"], g["J_VAT_TESTS"], [], "The VAT story done well.")
    case("clean-js-reschedule", "javascript", g["JS_RESCHED"], g["JS_RESCHED_EDITS"], g["JS_RESCHED_TESTS"], [],
         "Reschedule done well.")
    case("clean-py-wishlist", "python", g["PY_WISH"], g["PY_WISH_EDITS"], g["PY_WISH_TESTS"], [], "Wishlist done well.")
    case("clean-go-refund", "go", g["GO_REFUND"], g["GO_REFUND_EDITS"], g["GO_REFUND_TESTS"], [], "Refund done well.")

    case("clean-java-cli-print", "java",
         T("TRACK-28", "Story", "The CLI prints the net amount too", "trackit prints net, VAT and total.",
           ["The CLI prints the invoice's net amount"]),
         [rep(JM + "cli/TrackItCli.java", '        System.out.println("total "',
              '        System.out.println("net " + invoice.net());\n        System.out.println("total "'),
          put("src/test/java/se/trackit/cli/TrackItCliTest.java", """package se.trackit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class TrackItCliTest {

    @Test
    void printsNet() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out));
        try {
            TrackItCli.main(new String[] {"TI-1", "C-1"});
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString()).contains("net 0");
    }
}
""")],
         ["se.trackit.cli.TrackItCliTest#printsNet"], [], "Printing is the CLI's job.")

    case("clean-js-bin-print", "javascript",
         T("BOOK-16", "Story", "The bookit command marks weekend days", "bookit DAY says when the day is a weekend.",
           ["bookit prints a note for a weekend day"]),
         [rep("bin/bookit.js", "const { freeSlots } = require('../src/calendar');",
              "const { freeSlots, isWeekend } = require('../src/calendar');"),
          rep("bin/bookit.js", "const day = process.argv[2];\n",
              "const day = process.argv[2];\nif (isWeekend(day)) {\n  console.log(`${day} is a weekend day`);\n}\n"),
          put("test/bin.test.js", """const { execFileSync } = require('child_process');

describe('bookit', () => {
  it('notes a weekend day', () => {
    expect(execFileSync('node', ['bin/bookit.js', '2025-03-08']).toString()).toContain('weekend');
  });
});
""")],
         ["test/bin.test.js#bookit notes a weekend day"], [], "console.log in the command-line entry point.")

    case("clean-py-main-print", "python",
         T("SHOP-38", "Story", "The command line prints the shipping cost", "python -m storeit prints shipping too.",
           ["The command prints the shipping cost"]),
         [rep("storeit/__main__.py", "from storeit.cart import Cart\n",
              "from storeit.cart import Cart\nfrom storeit.pricing import shipping\n"),
          rep("storeit/__main__.py", '    print(f"total {cart.total()}")\n',
              '    print(f"total {cart.total()}")\n    print(f"shipping {shipping(cart.total())}")\n'),
          put("tests/test_main.py", """from storeit.__main__ import main


def test_prints_shipping(capsys):
    main(["storeit", "c1", "A1:1:10.00"])
    assert "shipping 49" in capsys.readouterr().out
""")],
         ["tests/test_main.py::test_prints_shipping"], [], "print() in __main__.")

    case("clean-go-cmd-print", "go",
         T("EVT-9", "Story", "The eventit command prints the start time", "Print when the event starts.",
           ["eventit prints the event's start time"]),
         [rep("cmd/eventit/main.go", '	fmt.Printf("%s %s remaining=%d\\n", e.ID, e.Name, e.Remaining())\n',
              '	fmt.Printf("%s %s remaining=%d\\n", e.ID, e.Name, e.Remaining())\n'
              '	fmt.Println("starts", e.Starts.Format(time.RFC3339))\n'),
          put("cmd/eventit/main_test.go", """package main

import (
	"os/exec"
	"strings"
	"testing"
)

func TestPrintsStart(t *testing.T) {
	out, err := exec.Command("go", "run", ".", "Gig").Output()
	if err != nil || !strings.Contains(string(out), "starts") {
		t.Fatalf("output %q, err %v", out, err)
	}
}
""")],
         ["cmd/eventit.TestPrintsStart"], [], "fmt.Println in package main.")

    case("clean-java-allowed-dep", "java",
         T("TRACK-34", "Story", "Export an invoice as JSON", "The invoice JSON feeds the customer portal.",
           ["An invoice exports as JSON with its number and total"]),
         [rep("pom.xml", """    <dependency>
      <groupId>org.junit.jupiter</groupId>""", """    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>2.18.1</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>"""),
          put(JM + "invoice/InvoiceJson.java", """package se.trackit.invoice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** An invoice as JSON for the customer portal. */
public final class InvoiceJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static String of(Invoice invoice, VatCalculator vat) throws Exception {
        return JSON.writeValueAsString(Map.of("number", invoice.number(), "total", invoice.total(vat)));
    }
}
"""),
          put(JT + "InvoiceJsonTest.java", """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceJsonTest {

    @Test
    void hasNumberAndTotal() throws Exception {
        assertThat(InvoiceJson.of(new Invoice("TI-3", "C-1"), VatCalculator.standard()))
                .contains("\\"number\\":\\"TI-3\\"").contains("\\"total\\"");
    }
}
""")],
         ["se.trackit.invoice.InvoiceJsonTest#hasNumberAndTotal"], [], "jackson-databind is on the allowlist.")

    case("clean-js-allowed-dep", "javascript",
         T("BOOK-18", "Story", "Validate booking requests", "Reject a booking request without a customer or start.",
           ["A booking request without a customer is refused with 400"]),
         [rep("package.json", '    "express": "^4.21.1"\n', '    "express": "^4.21.1",\n    "zod": "^3.23.8"\n'),
          rep("src/server.js", "const { freeSlots } = require('./calendar');\n",
              "const { freeSlots } = require('./calendar');\nconst { z } = require('zod');\n\n"
              "const BookingRequest = z.object({ customer: z.string().min(1), start: z.string().datetime() });\n"),
          rep("src/server.js", "app.post('/bookings', (req, res) => {\n  try {",
              "app.post('/bookings', (req, res) => {\n  const parsed = BookingRequest.safeParse(req.body);\n"
              "  if (!parsed.success) {\n    res.status(400).json({ error: 'customer and start are required' });\n"
              "    return;\n  }\n  try {"),
          put("test/server.test.js", """const request = require('supertest');
const app = require('../src/server');

describe('POST /bookings', () => {
  it('refuses a request without a customer', async () => {
    await request(app).post('/bookings').send({ start: '2025-03-03T10:00:00.000Z' }).expect(400);
  });
});
""")],
         ["test/server.test.js#POST /bookings refuses a request without a customer"], [], "zod is allowlisted.")

    case("clean-py-allowed-dep", "python",
         T("SHOP-39", "Story", "Validate cart items", "Reject cart items with a negative quantity.",
           ["A negative quantity is refused"]),
         [rep("requirements.txt", "requests==2.32.3\n", "requests==2.32.3\npydantic==2.9.2\n"),
          rep("storeit/cart.py", "from decimal import Decimal\n", "from decimal import Decimal\n\nfrom pydantic import PositiveInt, validate_call\n"),
          rep("storeit/cart.py", "    def add(self, sku, quantity, unit_price):",
              "    @validate_call\n    def add(self, sku: str, quantity: PositiveInt, unit_price: str):"),
          rep("tests/test_cart.py", "def test_remove_drops_item():", """def test_negative_quantity_refused():
    import pytest
    with pytest.raises(ValueError):
        Cart("c1").add("A1", -1, "10.00")


def test_remove_drops_item():""")],
         ["tests/test_cart.py::test_negative_quantity_refused"], [], "pydantic is allowlisted.")

    case("clean-go-allowed-dep-sum", "go",
         T("EVT-10", "Story", "Load events concurrently", "Loading many events at once uses a worker group.",
           ["Many events load concurrently without losing any"]),
         [rep("go.mod", "	github.com/stretchr/testify v1.9.0\n", "	github.com/stretchr/testify v1.9.0\n	golang.org/x/sync v0.8.0\n"),
          rep("go.sum", "github.com/stretchr/testify v1.9.0 h1:HtqpIVDClZ4nwg75+f6Lvsy/wHu+3BoSGCbBAcpTsTg=\n",
              "github.com/stretchr/testify v1.9.0 h1:HtqpIVDClZ4nwg75+f6Lvsy/wHu+3BoSGCbBAcpTsTg=\n"
              "golang.org/x/sync v0.8.0 h1:3NFvSEYkUoMifnESzZl15y791HH1qU2xm6eCJU5ZPXQ=\n"
              "golang.org/x/sync v0.8.0/go.mod h1:Czt+wKu1gCyEFDUtn0jG5QVvpJ6rzVqr5aXyt9drQfk=\n"),
          rep("internal/events/store.go", 'import "sync"\n', 'import (\n\t"sync"\n\n\t"golang.org/x/sync/errgroup"\n)\n'),
          rep("internal/events/store.go", "func (s *Store) Get(", """// PutAll stores events concurrently.
func (s *Store) PutAll(es []Event) error {
	var g errgroup.Group
	for _, e := range es {
		e := e
		g.Go(func() error { s.Put(e); return nil })
	}
	return g.Wait()
}

func (s *Store) Get("""),
          rep("internal/events/event_test.go", "func TestStoreRoundTrip(t *testing.T) {", """func TestPutAllLosesNone(t *testing.T) {
	s := NewStore()
	es := []Event{New("a", time.Now(), 1), New("b", time.Now(), 1), New("c", time.Now(), 1)}
	if err := s.PutAll(es); err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if _, ok := s.Get(e.ID); !ok {
			t.Errorf("lost %s", e.Name)
		}
	}
}

func TestStoreRoundTrip(t *testing.T) {""")],
         ["internal/events.TestPutAllLosesNone"], [], "x/sync is allowlisted; go.sum hashes are not secrets.")

    case("clean-js-lock-bump", "javascript",
         T("BOOK-19", "Task", "Update dayjs for the time zone fix", "dayjs 1.11.13 has the DST fix we need.",
           ["Slots on the DST change day are correct"]),
         [rep("package.json", '"dayjs": "^1.11.13"', '"dayjs": "^1.11.19"'),
          rep("package-lock.json", '"version": "1.11.13",\n      "resolved": "https://registry.npmjs.org/dayjs/-/dayjs-1.11.13.tgz",\n      "integrity": "sha512-oaMBel6gjolK862uaPQOVTA7q3TZhuSvuMQAAglQDOWYO9A91IrAOUJEyKVlqJlHE0vq5p5UXxzdPfMH/x6xNg=="',
              '"version": "1.11.19",\n      "resolved": "https://registry.npmjs.org/dayjs/-/dayjs-1.11.19.tgz",\n      "integrity": "sha512-t5EcLVS6QPBNqM2z8fakk/NKel+Xzshgt8FFKAn+qwlD1pzZWxh0nVCrvFK7ZDb6XucZeF9z8C7CBWTRIVApAw=="'),
          rep("test/calendar.test.js", "describe('isWeekend', () => {", """describe('freeSlots on the DST change', () => {
  it('still offers eight slots', () => {
    expect(freeSlots('2025-03-30', [])).toHaveLength(8);
  });
});

describe('isWeekend', () => {""")],
         ["test/calendar.test.js#freeSlots on the DST change still offers eight slots"], [],
         "An allowlisted bump with its lock file; integrity hashes are not secrets.")

    case("clean-java-fake-token-fixture", "java",
         T("TRACK-36", "Story", "Mask tokens in the audit log", "Tokens never appear in the audit log in full.",
           ["A token in an audit message is masked"]),
         [put(JM + "audit/AuditMessage.java", """package se.trackit.audit;

import java.util.regex.Pattern;

/** Audit log text with anything that looks like a token masked. */
public final class AuditMessage {

    private static final Pattern TOKEN = Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}");

    public static String masked(String text) {
        return TOKEN.matcher(text).replaceAll("gh*_****");
    }
}
"""),
          put("src/test/java/se/trackit/audit/AuditMessageTest.java", """package se.trackit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditMessageTest {

    private static final String FAKE_TOKEN = "ghp_" + "a".repeat(36); // fake, not a real credential

    @Test
    void masksTokens() {
        assertThat(AuditMessage.masked("pushed with " + FAKE_TOKEN)).isEqualTo("pushed with gh*_****");
    }
}
""")],
         ["se.trackit.audit.AuditMessageTest#masksTokens"], [], "A fake token built in a test, labelled as fake.")

    case("clean-py-env-password", "python",
         T("SHOP-34", "Story", "Send order emails through the company SMTP server",
           "Order confirmations go out through smtp.storeit.example.", ["An order email is sent through SMTP"]),
         [rep("storeit/settings.py", 'DEBUG = os.environ.get("STOREIT_DEBUG") == "1"\n',
              'DEBUG = os.environ.get("STOREIT_DEBUG") == "1"\nSMTP_HOST = os.environ.get("STOREIT_SMTP_HOST", "localhost")\n'
              'SMTP_PASSWORD = os.environ.get("STOREIT_SMTP_PASSWORD", "")\n'),
          put("storeit/order_mail.py", """import smtplib

from storeit import settings


def send_order(to, body, smtp=smtplib.SMTP):
    with smtp(settings.SMTP_HOST) as s:
        if settings.SMTP_PASSWORD:
            s.login("orders", settings.SMTP_PASSWORD)
        s.sendmail("orders@storeit.example", [to], body)
"""),
          put("tests/test_order_mail.py", """def test_sends_through_smtp(monkeypatch):
    monkeypatch.setenv("STOREIT_SECRET_KEY", "test")
    from storeit.order_mail import send_order
    sent = []

    class FakeSmtp:
        def __init__(self, host):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def sendmail(self, frm, to, body):
            sent.append(body)

    send_order("ann@example.org", "hi", smtp=FakeSmtp)
    assert sent == ["hi"]
""")],
         ["tests/test_order_mail.py::test_sends_through_smtp"], [], "The password comes from the environment.")

    case("clean-java-property-placeholder", "java",
         T("TRACK-37", "Story", "Send invoices by email", "Invoices are mailed to the customer's billing address.",
           ["An invoice email goes to the customer's address"]),
         [rep("src/main/resources/application.properties", "trackit.db.password=${TRACKIT_DB_PASSWORD}\n",
              "trackit.db.password=${TRACKIT_DB_PASSWORD}\ntrackit.mail.host=smtp.trackit.example\n"
              "trackit.mail.password=${TRACKIT_MAIL_PASSWORD}\n"),
          put(JM + "invoice/InvoiceMail.java", """package se.trackit.invoice;

import se.trackit.customer.Customer;

/** The email that carries an invoice. */
public record InvoiceMail(String to, String subject) {

    public static InvoiceMail of(Invoice invoice, Customer customer) {
        return new InvoiceMail(customer.email(), "Invoice " + invoice.number());
    }
}
"""),
          put(JT + "InvoiceMailTest.java", """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.trackit.customer.Customer;

class InvoiceMailTest {

    @Test
    void goesToTheCustomer() {
        InvoiceMail mail = InvoiceMail.of(new Invoice("TI-4", "C-1"), new Customer("C-1", "Acme", "ap@acme.test"));
        assertThat(mail.to()).isEqualTo("ap@acme.test");
    }
}
""")],
         ["se.trackit.invoice.InvoiceMailTest#goesToTheCustomer"], [], "A ${...} placeholder, not a password.")

    case("clean-go-uuid-constant", "go",
         T("EVT-11", "Story", "Events without a venue use the default venue", "Unplaced events go to the main hall.",
           ["An event without a venue gets the main hall's id"]),
         [rep("internal/events/event.go", "// Event is something", 'const MainHallVenueID = "3f2b7c9e-8d41-4a6b-b0c2-5e9f1a7d3c68"\n\n// Event is something'),
          rep("internal/events/event.go", "	Sold     int\n}", "	Sold     int\n	Venue    string\n}"),
          rep("internal/events/event.go", "Capacity: capacity}", "Capacity: capacity, Venue: MainHallVenueID}"),
          rep("internal/events/event_test.go", "func TestStoreRoundTrip(t *testing.T) {", """func TestDefaultVenue(t *testing.T) {
	if New("Gig", time.Now(), 1).Venue != MainHallVenueID {
		t.Fatal("no default venue")
	}
}

func TestStoreRoundTrip(t *testing.T) {""")],
         ["internal/events.TestDefaultVenue"], [], "A UUID is not a secret.")

    case("clean-py-expected-value-per-ticket", "python",
         T("SHOP-41", "Story", "Free shipping from 400", "Lower the free shipping threshold from 500 to 400.",
           ["Orders of 400 or more ship free", "Orders under 400, such as 399.99, pay 49 shipping"]),
         [rep("storeit/pricing.py", '"""Free shipping from 500; 49 otherwise."""', '"""Free shipping from 400; 49 otherwise."""'),
          rep("storeit/pricing.py", 'total >= Decimal("500")', 'total >= Decimal("400")'),
          rep("tests/test_pricing.py", "def test_free_shipping_from_500():", "def test_free_shipping_from_400():"),
          rep("tests/test_pricing.py", 'assert shipping(Decimal("500")) == Decimal("0")', 'assert shipping(Decimal("400")) == Decimal("0")'),
          rep("tests/test_pricing.py", 'assert shipping(Decimal("499.99")) == Decimal("49")', 'assert shipping(Decimal("399.99")) == Decimal("49")')],
         ["tests/test_pricing.py::test_free_shipping_from_400", "tests/test_pricing.py::test_free_shipping_from_400"],
         [], "Expected values change as the ticket says.")

    case("clean-js-test-renamed", "javascript",
         T("BOOK-21", "Story", "Slot length is configurable", "Some services book 30-minute slots.",
           ["A day offers sixteen slots of 30 minutes"]),
         [rep("test/calendar.test.js", "  it('offers eight hourly slots on an empty day', () => {\n    expect(freeSlots('2025-03-03', [])).toHaveLength(8);\n  });",
              "  it('offers eight slots of an hour by default', () => {\n    expect(freeSlots('2025-03-03', [])).toHaveLength(8);\n  });\n\n"
              "  it('offers sixteen slots of 30 minutes', () => {\n    expect(freeSlots('2025-03-03', [], 30)).toHaveLength(16);\n  });")],
         ["test/calendar.test.js#freeSlots offers sixteen slots of 30 minutes"], [],
         "A test renamed and one added; the code already took a slot length.")

    case("clean-java-test-moved", "java",
         T("TRACK-38", "Task", "Group the VAT tests by subject", "Move the invoice total tests beside the VAT tests.",
           ["The total tests still run"]),
         [rm(JT + "InvoiceTest.java"),
          put(JT + "InvoiceTotalsTest.java", g["PROJECTS"]["java"][0][JT + "InvoiceTest.java"].replace("class InvoiceTest", "class InvoiceTotalsTest"))],
         ["se.trackit.invoice.InvoiceTotalsTest#totalAddsVat"], [], "A test class renamed, nothing removed.")

    case("clean-java-logger", "java",
         T("TRACK-39", "Story", "Log when a customer is not found", "Support wants to see lookups of unknown customers.",
           ["Looking up an unknown customer logs its id"]),
         [rep(JM + "customer/CustomerRepository.java", "import java.util.Optional;\n",
              "import java.util.Optional;\nimport org.slf4j.Logger;\nimport org.slf4j.LoggerFactory;\n"),
          rep(JM + "customer/CustomerRepository.java", "    private final Map<String, Customer> byId = new HashMap<>();\n",
              "    private static final Logger LOG = LoggerFactory.getLogger(CustomerRepository.class);\n\n"
              "    private final Map<String, Customer> byId = new HashMap<>();\n"),
          rep(JM + "customer/CustomerRepository.java", "        return Optional.ofNullable(byId.get(id));",
              "        Customer c = byId.get(id);\n        if (c == null) {\n            LOG.info(\"no customer {}\", id);\n        }\n        return Optional.ofNullable(c);"),
          rep("src/test/java/se/trackit/customer/CustomerRepositoryTest.java", "    @Test\n    void findsASavedCustomer() {",
              "    @Test\n    void unknownCustomerIsEmpty() {\n        assertThat(new CustomerRepository().find(\"nope\")).isEmpty();\n    }\n\n    @Test\n    void findsASavedCustomer() {")],
         ["se.trackit.customer.CustomerRepositoryTest#unknownCustomerIsEmpty"], [], "A logger, not a print.")

    case("clean-go-readme", "go",
         T("EVT-13", "Story", "Events can be cancelled", "Cancelling an event stops ticket sales.",
           ["A cancelled event sells no tickets"]),
         [rep("internal/events/event.go", "	Sold     int\n}", "	Sold     int\n	Cancelled bool\n}"),
          rep("internal/events/event.go", "func (e Event) Remaining() int {\n", "func (e Event) Remaining() int {\n	if e.Cancelled {\n		return 0\n	}\n"),
          rep("internal/events/event_test.go", "func TestStoreRoundTrip(t *testing.T) {", """func TestCancelledSellsNothing(t *testing.T) {
	e := New("Gig", time.Now(), 10)
	e.Cancelled = true
	if e.Remaining() != 0 {
		t.Fatal("cancelled event still sells")
	}
}

func TestStoreRoundTrip(t *testing.T) {"""),
          rep("README.md", "Tickets for events.", "Tickets for events. A cancelled event sells no tickets.")],
         ["internal/events.TestCancelledSellsNothing"], [], "Docs change with the code.")

    case("clean-py-catalog-retry", "python",
         T("SHOP-42", "Story", "Catalog lookups retry once", "The catalog API fails now and then; retry once.",
           ["A failed catalog lookup is retried once"]),
         [rep("storeit/catalog.py", """    response = http.get(f"{CATALOG_URL}/{sku}", timeout=5)
    response.raise_for_status()
    return response.json()""", """    for attempt in (1, 2):
        response = http.get(f"{CATALOG_URL}/{sku}", timeout=5)
        if response.ok or attempt == 2:
            response.raise_for_status()
            return response.json()"""),
          put("tests/test_catalog.py", """from storeit.catalog import fetch_item


class Reply:
    def __init__(self, ok, body):
        self.ok = ok
        self.body = body

    def raise_for_status(self):
        if not self.ok:
            raise RuntimeError("failed")

    def json(self):
        return self.body


class Flaky:
    def __init__(self):
        self.calls = 0

    def get(self, url, timeout):
        self.calls += 1
        return Reply(self.calls > 1, {"sku": "A1"})


def test_retries_once():
    http = Flaky()
    assert fetch_item("A1", session=http) == {"sku": "A1"}
    assert http.calls == 2
""")],
         ["tests/test_catalog.py::test_retries_once"], [], "A plain change with its test.")

    case("clean-js-new-module", "javascript",
         T("BOOK-23", "Story", "Remind customers the day before their booking",
           "Send a reminder the day before a booking.", ["A reminder names the booking's time"]),
         [put("src/reminders.js", """const { confirmation } = require('./notify');

/** The reminder text sent the day before a booking. */
function reminder(booking) {
  return `Reminder: ${confirmation(booking).replace('is confirmed', 'is tomorrow')}`;
}

module.exports = { reminder };
"""),
          put("test/reminders.test.js", """const { reminder } = require('../src/reminders');

describe('reminder', () => {
  it('names the booking time', () => {
    expect(reminder({ customer: 'ann', start: '10:00' })).toContain('10:00');
  });
});
""")],
         ["test/reminders.test.js#reminder names the booking time"], [], "A new module beside its kin.")

    def credit_note(n):
        out = ["package se.trackit.invoice;", "", "import java.math.BigDecimal;", "",
               "/** A credit note that cancels part of an invoice. */", "public final class CreditNote {", "",
               "    private final Invoice invoice;", "", "    public CreditNote(Invoice invoice) {",
               "        this.invoice = invoice;", "    }", ""]
        for i in range(n):
            out += [f"    /** The credited amount of line {i}. */", f"    public BigDecimal creditLine{i}() {{",
                    f"        return invoice.lines().size() > {i} ? invoice.lines().get({i}).amount().negate() : BigDecimal.ZERO;",
                    "    }", ""]
        return "\n".join(out + ["}", ""])

    case("clean-java-under-limit", "java",
         T("TRACK-40", "Story", "Credit notes for invoice lines", "A credit note credits lines of an invoice.",
           ["A credit note credits the amount of an invoice line"]),
         [put(JM + "invoice/CreditNote.java", credit_note(72)),
          put(JT + "CreditNoteTest.java", """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CreditNoteTest {

    @Test
    void creditsALine() {
        Invoice invoice = new Invoice("TI-5", "C-1");
        invoice.add(new InvoiceLine("Consulting", 1, new BigDecimal("100.00")));
        assertThat(new CreditNote(invoice).creditLine0()).isEqualByComparingTo("-100.00");
    }
}
""")],
         ["se.trackit.invoice.CreditNoteTest#creditsALine"], [], "Large, but under the 400-line limit.")

    case("clean-go-makefile-release", "go",
         T("EVT-14", "Task", "Build a release binary for Linux", "The build makes a static Linux release binary.",
           ["make release builds a Linux binary"]),
         [rep("Makefile", "build:\n", "release:\n\tCGO_ENABLED=0 GOOS=linux go build -o bin/eventit-linux ./cmd/eventit\n\nbuild:\n")],
         ["Makefile#release"], [], "The ticket asks for the build change.")

    case("clean-java-dockerfile-ticket", "java",
         T("TRACK-41", "Task", "Container health check", "Run TrackIt in a container with a health check.",
           ["The container reports healthy when TrackIt answers"]),
         [rep("Dockerfile", "EXPOSE 8080\n", "EXPOSE 8080\nHEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1\n")],
         ["ci/container-smoke#healthy"], [], "Deployment change the ticket asks for.")

    case("clean-py-set-quantity", "python",
         T("SHOP-43", "Story", "Change an item's quantity in the cart", "Set a new quantity for an item in the cart.",
           ["Setting a quantity replaces the old one", "Setting quantity 0 removes the item"]),
         [rep("storeit/cart.py", "    def remove(self, sku):", """    def set_quantity(self, sku, quantity):
        if quantity == 0:
            self.remove(sku)
            return
        for item in self.items:
            if item.sku == sku:
                item.quantity = quantity

    def remove(self, sku):"""),
          rep("tests/test_cart.py", "def test_remove_drops_item():", """def test_set_quantity_replaces():
    cart = Cart("c1")
    cart.add("A1", 1, "10.00")
    cart.set_quantity("A1", 4)
    assert cart.items[0].quantity == 4


def test_set_quantity_zero_removes():
    cart = Cart("c1")
    cart.add("A1", 1, "10.00")
    cart.set_quantity("A1", 0)
    assert cart.items == []


def test_remove_drops_item():""")],
         ["tests/test_cart.py::test_set_quantity_replaces", "tests/test_cart.py::test_set_quantity_zero_removes"],
         [], "A plain change.")

    case("clean-js-eslint-ticket", "javascript",
         T("BOOK-24", "Task", "Lint: forbid var", "Adopt the team's lint rule against var.",
           ["Linting fails on var declarations"]),
         [rep(".eslintrc.json", '  "env": { "node": true, "jest": true }\n',
              '  "env": { "node": true, "jest": true },\n  "rules": { "no-var": "error" }\n')],
         ["ci/lint#no-var"], [], "The tooling change is the ticket.")

    case("clean-go-venue-field", "go",
         T("EVT-16", "Story", "Events have a name shown in capitals on tickets",
           "Printed tickets show the event name in capitals.", ["A ticket label shows the event name in capitals"]),
         [rep("internal/tickets/tickets.go", "// Sell sells", """// Label is the text printed on a ticket.
func Label(e events.Event) string {
	return strings.ToUpper(e.Name)
}

// Sell sells"""),
          rep("internal/tickets/tickets.go", 'import "github.com/eventit/eventit/internal/events"\n',
              'import (\n\t"strings"\n\n\t"github.com/eventit/eventit/internal/events"\n)\n'),
          rep("internal/tickets/tickets_test.go", "func TestSellRefusesWhenSoldOut(t *testing.T) {", """func TestLabelInCapitals(t *testing.T) {
	assert.Equal(t, "GIG", Label(events.Event{Name: "Gig"}))
}

func TestSellRefusesWhenSoldOut(t *testing.T) {""")],
         ["internal/tickets.TestLabelInCapitals"], [], "A plain change in the tickets package.")

    case("clean-java-credentials", "java",
         T("TRACK-42", "Story", "Customers log in with email and password",
           "The portal lets customers log in; passwords need at least 12 characters.",
           ["A password shorter than 12 characters is refused"]),
         [put(JM + "customer/Credentials.java", """package se.trackit.customer;

/** What a customer logs in with. */
public record Credentials(String email, String password) {

    public Credentials {
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("a password needs at least 12 characters");
        }
    }
}
"""),
          put("src/test/java/se/trackit/customer/CredentialsTest.java", """package se.trackit.customer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void shortPasswordIsRefused() {
        assertThatThrownBy(() -> new Credentials("ann@acme.test", "short")).isInstanceOf(IllegalArgumentException.class);
    }
}
""")],
         ["se.trackit.customer.CredentialsTest#shortPasswordIsRefused"], [], "Password handling, no secret.")

    case("clean-py-assert-strengthened", "python",
         T("SHOP-45", "Task", "Cart tests check which items remain", "Make the cart tests say which SKUs remain.",
           ["The merge test checks the SKU that remains"]),
         [rep("tests/test_cart.py", "    assert len(cart.items) == 1\n", '    assert [i.sku for i in cart.items] == ["A1"]\n')],
         ["tests/test_cart.py::test_add_merges_same_sku"], [], "An assertion made stricter.")

    case("clean-js-weekend-sunday", "javascript",
         T("BOOK-26", "Bug", "Sunday is not shown as a weekend day", "Check that Sunday counts as a weekend day.",
           ["Sunday is a weekend day"]),
         [rep("test/calendar.test.js", "  it('knows Saturday', () => {\n    expect(isWeekend('2025-03-08')).toBe(true);\n  });",
              "  it('knows Saturday', () => {\n    expect(isWeekend('2025-03-08')).toBe(true);\n  });\n\n"
              "  it('knows Sunday', () => {\n    expect(isWeekend('2025-03-09')).toBe(true);\n  });\n\n"
              "  it('knows Monday is a weekday', () => {\n    expect(isWeekend('2025-03-10')).toBe(false);\n  });")],
         ["test/calendar.test.js#isWeekend knows Sunday"], [], "Tests added only.")

    case("clean-go-event-rename", "go",
         T("EVT-17", "Task", "Rename the event store file", "store.go becomes memory_store.go to make room for a database store.",
           ["The event store still round-trips events"]),
         [rm("internal/events/store.go"),
          put("internal/events/memory_store.go", g["PROJECTS"]["go"][0]["internal/events/store.go"].replace("// Store holds events in memory.", "// Store holds events in memory (a database store comes later)."))],
         ["internal/events.TestStoreRoundTrip"], [], "A file renamed with a small edit.")
