"""The small made-up projects the development cases of the review benchmark change (one per language)."""

JAVA = {
"pom.xml": """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>se.trackit</groupId>
  <artifactId>trackit</artifactId>
  <version>1.4.0</version>

  <properties>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>

  <dependencies>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
      <version>2.0.16</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.11.3</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.assertj</groupId>
      <artifactId>assertj-core</artifactId>
      <version>3.26.3</version>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.jacoco</groupId>
        <artifactId>jacoco-maven-plugin</artifactId>
        <version>0.8.12</version>
        <configuration>
          <rules>
            <rule>
              <limits>
                <limit>
                  <counter>LINE</counter>
                  <minimum>0.80</minimum>
                </limit>
              </limits>
            </rule>
          </rules>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
""",
"src/main/java/se/trackit/invoice/Invoice.java": """package se.trackit.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An invoice to one customer: its lines and their total. */
public final class Invoice {

    private final String number;
    private final String customerId;
    private final List<InvoiceLine> lines = new ArrayList<>();

    public Invoice(String number, String customerId) {
        this.number = number;
        this.customerId = customerId;
    }

    public String number() {
        return number;
    }

    public String customerId() {
        return customerId;
    }

    public void add(InvoiceLine line) {
        lines.add(line);
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }

    /** The sum of the lines without VAT. */
    public BigDecimal net() {
        return lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total(VatCalculator vat) {
        return net().add(vat.vatOn(net()));
    }
}
""",
"src/main/java/se/trackit/invoice/InvoiceLine.java": """package se.trackit.invoice;

import java.math.BigDecimal;

/** One line of an invoice: what was sold, how many, at what unit price. */
public record InvoiceLine(String description, int quantity, BigDecimal unitPrice) {

    public InvoiceLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
""",
"src/main/java/se/trackit/invoice/VatCalculator.java": """package se.trackit.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Swedish VAT on an amount. */
public final class VatCalculator {

    private final BigDecimal rate;

    public VatCalculator(BigDecimal rate) {
        this.rate = rate;
    }

    public static VatCalculator standard() {
        return new VatCalculator(new BigDecimal("0.25"));
    }

    public BigDecimal vatOn(BigDecimal amount) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }
}
""",
"src/main/java/se/trackit/customer/Customer.java": """package se.trackit.customer;

/** A customer we invoice. */
public record Customer(String id, String name, String email) {
}
""",
"src/main/java/se/trackit/customer/CustomerRepository.java": """package se.trackit.customer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Customers by id, in memory. */
public final class CustomerRepository {

    private final Map<String, Customer> byId = new HashMap<>();

    public void save(Customer customer) {
        byId.put(customer.id(), customer);
    }

    public Optional<Customer> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
""",
"src/main/java/se/trackit/cli/TrackItCli.java": """package se.trackit.cli;

import se.trackit.invoice.Invoice;
import se.trackit.invoice.VatCalculator;

/** Command line: prints an invoice's totals. */
public final class TrackItCli {

    public static void main(String[] args) {
        Invoice invoice = new Invoice(args[0], args[1]);
        System.out.println("invoice " + invoice.number());
        System.out.println("total " + invoice.total(VatCalculator.standard()));
    }
}
""",
"src/main/resources/application.properties": """trackit.currency=SEK
trackit.invoice.prefix=TI
trackit.db.url=jdbc:postgresql://localhost:5432/trackit
trackit.db.user=trackit
trackit.db.password=${TRACKIT_DB_PASSWORD}
""",
"src/test/java/se/trackit/invoice/InvoiceTest.java": """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    @Test
    void netIsTheSumOfTheLines() {
        Invoice invoice = new Invoice("TI-1", "C-1");
        invoice.add(new InvoiceLine("Consulting", 2, new BigDecimal("100.00")));
        invoice.add(new InvoiceLine("Travel", 1, new BigDecimal("50.00")));
        assertThat(invoice.net()).isEqualByComparingTo("250.00");
    }

    @Test
    void totalAddsVat() {
        Invoice invoice = new Invoice("TI-2", "C-1");
        invoice.add(new InvoiceLine("Consulting", 1, new BigDecimal("100.00")));
        assertThat(invoice.total(VatCalculator.standard())).isEqualByComparingTo("125.00");
    }
}
""",
"src/test/java/se/trackit/invoice/VatCalculatorTest.java": """package se.trackit.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VatCalculatorTest {

    @Test
    void standardRateIsTwentyFivePercent() {
        assertEquals(new BigDecimal("25.00"), VatCalculator.standard().vatOn(new BigDecimal("100")));
    }

    @Test
    void roundsHalfUp() {
        assertThat(VatCalculator.standard().vatOn(new BigDecimal("0.10"))).isEqualByComparingTo("0.03");
    }
}
""",
"src/test/java/se/trackit/customer/CustomerRepositoryTest.java": """package se.trackit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerRepositoryTest {

    @Test
    void findsASavedCustomer() {
        CustomerRepository repo = new CustomerRepository();
        repo.save(new Customer("C-1", "Acme", "billing@acme.test"));
        assertThat(repo.find("C-1")).map(Customer::name).contains("Acme");
    }
}
""",
"Dockerfile": """FROM eclipse-temurin:21-jre
COPY target/trackit.jar /app/trackit.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/trackit.jar"]
""",
".github/workflows/ci.yml": """name: ci
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
          java-version: 21
      - run: mvn -B verify
""",
"README.md": """# TrackIt

Invoices for small consultancies.

    mvn verify
    java -jar target/trackit.jar TI-1 C-1
""",
}

JS = {
"package.json": """{
  "name": "bookit",
  "version": "2.3.1",
  "private": true,
  "main": "src/server.js",
  "bin": {
    "bookit": "bin/bookit.js"
  },
  "scripts": {
    "start": "node src/server.js",
    "test": "jest --coverage"
  },
  "dependencies": {
    "dayjs": "^1.11.13",
    "express": "^4.21.1"
  },
  "devDependencies": {
    "jest": "^29.7.0",
    "supertest": "^7.0.0"
  }
}
""",
"package-lock.json": """{
  "name": "bookit",
  "version": "2.3.1",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "node_modules/dayjs": {
      "version": "1.11.13",
      "resolved": "https://registry.npmjs.org/dayjs/-/dayjs-1.11.13.tgz",
      "integrity": "sha512-oaMBel6gjolK862uaPQOVTA7q3TZhuSvuMQAAglQDOWYO9A91IrAOUJEyKVlqJlHE0vq5p5UXxzdPfMH/x6xNg=="
    }
  }
}
""",
"jest.config.js": """module.exports = {
  testEnvironment: 'node',
  coverageThreshold: {
    global: {
      branches: 80,
      lines: 85,
    },
  },
};
""",
"src/calendar.js": """const dayjs = require('dayjs');

/** The free slots of one day, as ISO start times, given the bookings already made. */
function freeSlots(day, bookings, slotMinutes = 60) {
  const start = dayjs(day).hour(9).minute(0).second(0);
  const slots = [];
  for (let t = start; t.hour() < 17; t = t.add(slotMinutes, 'minute')) {
    const taken = bookings.some((b) => dayjs(b.start).isSame(t));
    if (!taken) {
      slots.push(t.toISOString());
    }
  }
  return slots;
}

function isWeekend(day) {
  const d = dayjs(day).day();
  return d === 0 || d === 6;
}

module.exports = { freeSlots, isWeekend };
""",
"src/booking.js": """const { freeSlots } = require('./calendar');

class BookingError extends Error {}

/** Books a slot for a customer if it is still free. */
function book(bookings, customer, start) {
  const day = start.slice(0, 10);
  if (!freeSlots(day, bookings).includes(start)) {
    throw new BookingError(`slot ${start} is taken`);
  }
  const booking = { customer, start };
  bookings.push(booking);
  return booking;
}

function cancel(bookings, start) {
  const i = bookings.findIndex((b) => b.start === start);
  if (i < 0) {
    throw new BookingError(`no booking at ${start}`);
  }
  return bookings.splice(i, 1)[0];
}

module.exports = { book, cancel, BookingError };
""",
"src/server.js": """const express = require('express');
const { book, cancel, BookingError } = require('./booking');
const { freeSlots } = require('./calendar');

const app = express();
app.use(express.json());
const bookings = [];

app.get('/slots/:day', (req, res) => {
  res.json(freeSlots(req.params.day, bookings));
});

app.post('/bookings', (req, res) => {
  try {
    res.status(201).json(book(bookings, req.body.customer, req.body.start));
  } catch (e) {
    if (e instanceof BookingError) {
      res.status(409).json({ error: e.message });
    } else {
      throw e;
    }
  }
});

app.delete('/bookings/:start', (req, res) => {
  res.json(cancel(bookings, req.params.start));
});

module.exports = app;
""",
"src/notify.js": """/** Builds the confirmation text sent to a customer. */
function confirmation(booking) {
  return `Hello ${booking.customer}, your booking at ${booking.start} is confirmed.`;
}

module.exports = { confirmation };
""",
"bin/bookit.js": """#!/usr/bin/env node
const { freeSlots } = require('../src/calendar');

const day = process.argv[2];
for (const slot of freeSlots(day, [])) {
  console.log(slot);
}
""",
"test/calendar.test.js": """const { freeSlots, isWeekend } = require('../src/calendar');

describe('freeSlots', () => {
  it('offers eight hourly slots on an empty day', () => {
    expect(freeSlots('2025-03-03', [])).toHaveLength(8);
  });

  it('leaves out booked slots', () => {
    const slots = freeSlots('2025-03-03', [{ start: '2025-03-03T09:00:00.000Z' }]);
    expect(slots).not.toContain('2025-03-03T09:00:00.000Z');
  });
});

describe('isWeekend', () => {
  it('knows Saturday', () => {
    expect(isWeekend('2025-03-08')).toBe(true);
  });
});
""",
"test/booking.test.js": """const { book, cancel, BookingError } = require('../src/booking');

describe('book', () => {
  it('books a free slot', () => {
    const bookings = [];
    const b = book(bookings, 'ann', '2025-03-03T10:00:00.000Z');
    expect(b.customer).toBe('ann');
    expect(bookings).toHaveLength(1);
  });

  it('refuses a taken slot', () => {
    const bookings = [{ customer: 'bo', start: '2025-03-03T10:00:00.000Z' }];
    expect(() => book(bookings, 'ann', '2025-03-03T10:00:00.000Z')).toThrow(BookingError);
  });
});

describe('cancel', () => {
  it('removes the booking', () => {
    const bookings = [{ customer: 'bo', start: '2025-03-03T10:00:00.000Z' }];
    cancel(bookings, '2025-03-03T10:00:00.000Z');
    expect(bookings).toHaveLength(0);
  });
});
""",
".eslintrc.json": """{
  "extends": "eslint:recommended",
  "env": { "node": true, "jest": true }
}
""",
"README.md": """# BookIt

Appointment booking. `npm start`, then `GET /slots/2025-03-03`.
""",
}

PY = {
"requirements.txt": """flask==3.0.3
requests==2.32.3
""",
"requirements-dev.txt": """pytest==8.3.3
pytest-cov==5.0.0
""",
"setup.cfg": """[tool:pytest]
addopts = --cov=storeit --cov-fail-under=85
""",
"storeit/__init__.py": "",
"storeit/cart.py": """from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class CartItem:
    sku: str
    quantity: int
    unit_price: Decimal


@dataclass
class Cart:
    customer_id: str
    items: list = field(default_factory=list)

    def add(self, sku, quantity, unit_price):
        for item in self.items:
            if item.sku == sku:
                item.quantity += quantity
                return item
        item = CartItem(sku, quantity, Decimal(unit_price))
        self.items.append(item)
        return item

    def remove(self, sku):
        self.items = [i for i in self.items if i.sku != sku]

    def total(self):
        return sum((i.unit_price * i.quantity for i in self.items), Decimal("0"))
""",
"storeit/pricing.py": """from decimal import Decimal, ROUND_HALF_UP


def discounted(amount, percent):
    \"\"\"The amount after a percentage discount, rounded to cents.\"\"\"
    factor = (Decimal(100) - Decimal(percent)) / Decimal(100)
    return (Decimal(amount) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def shipping(total):
    \"\"\"Free shipping from 500; 49 otherwise.\"\"\"
    return Decimal("0") if total >= Decimal("500") else Decimal("49")
""",
"storeit/catalog.py": """import requests

CATALOG_URL = "https://catalog.storeit.example/api/items"


def fetch_item(sku, session=None):
    http = session or requests
    response = http.get(f"{CATALOG_URL}/{sku}", timeout=5)
    response.raise_for_status()
    return response.json()
""",
"storeit/settings.py": """import os

DATABASE_URL = os.environ.get("STOREIT_DATABASE_URL", "sqlite:///storeit.db")
SECRET_KEY = os.environ["STOREIT_SECRET_KEY"]
DEBUG = os.environ.get("STOREIT_DEBUG") == "1"
""",
"storeit/__main__.py": """import sys

from storeit.cart import Cart


def main(argv):
    cart = Cart(customer_id=argv[1])
    for arg in argv[2:]:
        sku, qty, price = arg.split(":")
        cart.add(sku, int(qty), price)
    print(f"total {cart.total()}")


if __name__ == "__main__":
    main(sys.argv)
""",
"tests/test_cart.py": """from decimal import Decimal

from storeit.cart import Cart


def test_add_merges_same_sku():
    cart = Cart("c1")
    cart.add("A1", 1, "10.00")
    cart.add("A1", 2, "10.00")
    assert len(cart.items) == 1
    assert cart.items[0].quantity == 3


def test_total_sums_items():
    cart = Cart("c1")
    cart.add("A1", 2, "10.00")
    cart.add("B2", 1, "5.50")
    assert cart.total() == Decimal("25.50")


def test_remove_drops_item():
    cart = Cart("c1")
    cart.add("A1", 1, "10.00")
    cart.remove("A1")
    assert cart.items == []
""",
"tests/test_pricing.py": """from decimal import Decimal

from storeit.pricing import discounted, shipping


def test_discount_rounds_to_cents():
    assert discounted("19.99", 15) == Decimal("16.99")


def test_free_shipping_from_500():
    assert shipping(Decimal("500")) == Decimal("0")
    assert shipping(Decimal("499.99")) == Decimal("49")
""",
"deploy/storeit.service": """[Unit]
Description=StoreIt

[Service]
ExecStart=/opt/storeit/venv/bin/gunicorn storeit.web:app
Restart=always

[Install]
WantedBy=multi-user.target
""",
"README.md": """# StoreIt

A small shop. `pip install -r requirements.txt`, `python -m storeit CUSTOMER SKU:QTY:PRICE...`
""",
}

GO = {
"go.mod": """module github.com/eventit/eventit

go 1.22

require (
	github.com/google/uuid v1.6.0
	github.com/stretchr/testify v1.9.0
)
""",
"go.sum": """github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=
github.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=
github.com/stretchr/testify v1.9.0 h1:HtqpIVDClZ4nwg75+f6Lvsy/wHu+3BoSGCbBAcpTsTg=
""",
"internal/events/event.go": """package events

import (
	"errors"
	"time"

	"github.com/google/uuid"
)

// Event is something people can buy tickets for.
type Event struct {
	ID       string
	Name     string
	Starts   time.Time
	Capacity int
	Sold     int
}

var ErrSoldOut = errors.New("event is sold out")

// New makes an event with a fresh id.
func New(name string, starts time.Time, capacity int) Event {
	return Event{ID: uuid.NewString(), Name: name, Starts: starts, Capacity: capacity}
}

// Remaining is how many tickets are left.
func (e Event) Remaining() int {
	return e.Capacity - e.Sold
}
""",
"internal/events/store.go": """package events

import "sync"

// Store holds events in memory.
type Store struct {
	mu     sync.Mutex
	byID   map[string]*Event
}

func NewStore() *Store {
	return &Store{byID: map[string]*Event{}}
}

func (s *Store) Put(e Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[e.ID] = &e
}

func (s *Store) Get(id string) (Event, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.byID[id]
	if !ok {
		return Event{}, false
	}
	return *e, true
}
""",
"internal/tickets/tickets.go": """package tickets

import "github.com/eventit/eventit/internal/events"

// Sell sells n tickets for the event if enough remain.
func Sell(e *events.Event, n int) error {
	if e.Remaining() < n {
		return events.ErrSoldOut
	}
	e.Sold += n
	return nil
}
""",
"cmd/eventit/main.go": """package main

import (
	"fmt"
	"os"
	"time"

	"github.com/eventit/eventit/internal/events"
)

func main() {
	e := events.New(os.Args[1], time.Now(), 100)
	fmt.Printf("%s %s remaining=%d\\n", e.ID, e.Name, e.Remaining())
}
""",
"internal/events/event_test.go": """package events

import (
	"testing"
	"time"
)

func TestRemaining(t *testing.T) {
	e := New("Gig", time.Now(), 10)
	e.Sold = 3
	if e.Remaining() != 7 {
		t.Fatalf("remaining = %d, want 7", e.Remaining())
	}
}

func TestStoreRoundTrip(t *testing.T) {
	s := NewStore()
	e := New("Gig", time.Now(), 10)
	s.Put(e)
	got, ok := s.Get(e.ID)
	if !ok || got.Name != "Gig" {
		t.Errorf("got %v %v", got, ok)
	}
}
""",
"internal/tickets/tickets_test.go": """package tickets

import (
	"testing"
	"time"

	"github.com/eventit/eventit/internal/events"
	"github.com/stretchr/testify/assert"
)

func TestSellReducesRemaining(t *testing.T) {
	e := events.New("Gig", time.Now(), 2)
	assert.NoError(t, Sell(&e, 2))
	assert.Equal(t, 0, e.Remaining())
}

func TestSellRefusesWhenSoldOut(t *testing.T) {
	e := events.New("Gig", time.Now(), 1)
	assert.ErrorIs(t, Sell(&e, 2), events.ErrSoldOut)
}
""",
"Makefile": """test:
	go test ./...

build:
	go build -o bin/eventit ./cmd/eventit
""",
"README.md": """# EventIt

Tickets for events. `go run ./cmd/eventit NAME`.
""",
}

PROJECTS = {
    "java": (JAVA, "maven", ["org.slf4j:slf4j-api", "org.junit.jupiter:junit-jupiter", "org.assertj:assertj-core",
                             "org.jacoco:jacoco-maven-plugin", "com.fasterxml.jackson.core:jackson-databind"]),
    "javascript": (JS, "npm", ["dayjs", "express", "jest", "supertest", "zod"]),
    "python": (PY, "pip", ["flask", "requests", "pytest", "pytest-cov", "pydantic"]),
    "go": (GO, "go", ["github.com/google/uuid", "github.com/stretchr/testify", "golang.org/x/sync"]),
}
