#!/usr/bin/env python3
"""Generator for the voxloop review held-out set (written 2026-12-06 by a separate author
who never saw the reviewer's code).

Every case is built as a real git repository: the project's base tree is committed, the
case's edits are applied and committed, and diff.patch is exactly `git diff --no-color base head`.
Expected line numbers are computed from the real files and checked to be changed lines of the diff.

usage: generate.py OUT_DIR [--bases BASES_DIR]
  OUT_DIR/<id>/{diff.patch,case.json} are written; with --bases the base tree of every case is
  kept in BASES_DIR/<id>/ (a git repository whose HEAD is the base commit) so the patch can be
  checked with `git apply --check`.
"""
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
import tempfile
import textwrap

PROJECTS = {}
CASES = []
LOCK_FILES = ("package-lock.json", "go.sum", "yarn.lock", "poetry.lock", "pnpm-lock.yaml", "uv.lock")


def d(s):
    """Dedent a triple-quoted block and drop the first newline."""
    if s.startswith("\n"):
        s = s[1:]
    return textwrap.dedent(s)


def project(name, language, build, allowlist, files):
    PROJECTS[name] = {"language": language, "build": build, "allowlist": allowlist, "files": files}


def case(cid, proj, ticket, edits, expected, traceability, ci, notes, pre=None, size=None):
    CASES.append(dict(id=cid, project=proj, ticket=ticket, edits=edits, expected=expected,
                      traceability=traceability, ci=ci, notes=notes, pre=pre or [], size=size))


def ticket(key, typ, summary, description, criteria):
    return {"key": key, "type": typ, "summary": summary, "description": description,
            "acceptance_criteria": criteria}


def passed(*tests):
    return [{"test": t, "result": "passed"} for t in tests]


def trace(*per_criterion):
    return [{"criterion": i, "tests": list(ts)} for i, ts in enumerate(per_criterion)]


def exp(category, path=None, find=None, side="new", nth=1):
    return {"category": category, "path": path, "find": find, "side": side, "nth": nth}


# --- random but reproducible fake credentials -------------------------------------------------
def rng_for(cid):
    return random.Random("voxloop-heldout-" + cid)


def rand_chars(r, n, alphabet=string.ascii_letters + string.digits):
    return "".join(r.choice(alphabet) for _ in range(n))


def fake_pem(r, kind="RSA PRIVATE KEY", lines=25):
    b64 = string.ascii_letters + string.digits + "+/"
    body = ["MIIEpAIBAAKCAQEA" + rand_chars(r, 48, b64)]
    body += [rand_chars(r, 64, b64) for _ in range(lines - 2)]
    body.append(rand_chars(r, 40, b64) + "==")
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (kind, "\n".join(body), kind)


def sri(r):
    import base64
    return "sha512-" + base64.b64encode(bytes(r.getrandbits(8) for _ in range(64))).decode()


def h1(r):
    import base64
    return "h1:" + base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()


# --- edits --------------------------------------------------------------------------------------
def apply_edits(root, edits):
    for e in edits:
        op = e[0]
        if op == "replace":
            _, path, old, new = e[:4]
            p = os.path.join(root, path)
            text = open(p).read()
            n = text.count(old)
            if n != 1:
                raise SystemExit("replace in %s: expected 1 match, found %d for %r" % (path, n, old[:80]))
            open(p, "w").write(text.replace(old, new))
        elif op == "write":
            _, path, content = e
            p = os.path.join(root, path)
            os.makedirs(os.path.dirname(p) or ".", exist_ok=True)
            open(p, "w").write(content)
        elif op == "delete":
            os.remove(os.path.join(root, e[1]))
        elif op == "rename":
            _, old, new = e
            os.makedirs(os.path.dirname(os.path.join(root, new)) or ".", exist_ok=True)
            os.rename(os.path.join(root, old), os.path.join(root, new))
        else:
            raise SystemExit("unknown edit " + op)


def git(root, *args, capture=False):
    env = dict(os.environ, GIT_AUTHOR_NAME="dev", GIT_AUTHOR_EMAIL="dev@example.invalid",
               GIT_COMMITTER_NAME="dev", GIT_COMMITTER_EMAIL="dev@example.invalid",
               GIT_AUTHOR_DATE="2026-12-06T10:00:00Z", GIT_COMMITTER_DATE="2026-12-06T10:00:00Z",
               GIT_CONFIG_NOSYSTEM="1", HOME=root)
    r = subprocess.run(["git", "-c", "core.autocrlf=false", "-c", "diff.renames=true",
                        "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + list(args),
                       cwd=root, env=env, check=True, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    return r.stdout.decode() if capture else None


def changed_lines(patch):
    """{path: (added new-line numbers, removed old-line numbers)}, and changed-line count per path."""
    files, cur, counts = {}, None, {}
    old_no = new_no = 0
    for line in patch.split("\n"):
        if line.startswith("diff --git "):
            m = re.match(r"diff --git a/(.*) b/(.*)", line)
            cur = m.group(2)
            files.setdefault(cur, (set(), set()))
            counts.setdefault(cur, 0)
            old_path = m.group(1)
            files[cur + "\0old"] = old_path
            continue
        m = re.match(r"@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@", line)
        if m:
            old_no, new_no = int(m.group(1)), int(m.group(2))
            continue
        if cur is None or line.startswith(("--- ", "+++ ")) and old_no == 0 and new_no == 0:
            continue
        if line.startswith("+") and not line.startswith("+++ "):
            files[cur][0].add(new_no); new_no += 1; counts[cur] += 1
        elif line.startswith("-") and not line.startswith("--- "):
            files[cur][1].add(old_no); old_no += 1; counts[cur] += 1
        elif line.startswith(" "):
            old_no += 1; new_no += 1
    return files, counts


def find_line(text, needle, nth, where):
    hits = [i + 1 for i, l in enumerate(text.split("\n")) if needle in l]
    if len(hits) < nth:
        raise SystemExit("%s: %r not found (%d hits)" % (where, needle, len(hits)))
    return hits[nth - 1]


def build_case(c, out_dir, bases_dir=None):
    proj = PROJECTS[c["project"]]
    work = tempfile.mkdtemp(prefix="heldout-" + c["id"] + "-")
    try:
        for path, content in proj["files"].items():
            p = os.path.join(work, path)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, "w").write(content)
        apply_edits(work, c["pre"])
        git(work, "init", "-q")
        git(work, "add", "-A")
        git(work, "commit", "-q", "-m", "base")
        git(work, "tag", "base")
        base_files = {}
        for root, _, names in os.walk(work):
            if "/.git" in root or root.endswith(".git"):
                continue
            for n in names:
                full = os.path.join(root, n)
                base_files[os.path.relpath(full, work)] = open(full).read()
        apply_edits(work, c["edits"])
        git(work, "add", "-A")
        git(work, "commit", "-q", "-m", c["ticket"]["key"] + ": " + c["ticket"]["summary"])
        patch = git(work, "diff", "--no-color", "base", "HEAD", capture=True)
        files, counts = changed_lines(patch)
        size = sum(n for p, n in counts.items() if os.path.basename(p) not in LOCK_FILES)
        cats = [e["category"] for e in c["expected"]]
        if ("too-large" in cats) != (size > 400):
            raise SystemExit("%s: size %d does not match too-large expectation" % (c["id"], size))
        if c["size"] is not None and c["size"] != size:
            raise SystemExit("%s: size %d, wanted %d" % (c["id"], size, c["size"]))
        expected = []
        for e in c["expected"]:
            out = {"category": e["category"]}
            if e["path"]:
                out["path"] = e["path"]
                if e["path"] not in files:
                    raise SystemExit("%s: expected path %s not in diff" % (c["id"], e["path"]))
            if e["find"]:
                if e["side"] == "new":
                    text = open(os.path.join(work, e["path"])).read()
                    ln = find_line(text, e["find"], e["nth"], c["id"] + ":" + e["path"])
                    if ln not in files[e["path"]][0]:
                        raise SystemExit("%s: line %d of %s is not an added line" % (c["id"], ln, e["path"]))
                else:
                    old_path = files[e["path"] + "\0old"]
                    ln = find_line(base_files[old_path], e["find"], e["nth"], c["id"] + ":" + old_path)
                    if ln not in files[e["path"]][1]:
                        raise SystemExit("%s: old line %d of %s is not a removed line" % (c["id"], ln, e["path"]))
                out["line"] = ln
            expected.append(out)
        # traceability sanity: every criterion index is valid
        n_crit = len(c["ticket"]["acceptance_criteria"])
        for t in c["traceability"]:
            assert 0 <= t["criterion"] < n_crit, c["id"]
        doc = {
            "ticket": c["ticket"],
            "project": {"language": proj["language"], "build": proj["build"],
                        "dependency_allowlist": proj["allowlist"]},
            "traceability": c["traceability"],
            "ci": c["ci"],
            "expected": expected,
            "notes": c["notes"],
        }
        cdir = os.path.join(out_dir, c["id"])
        os.makedirs(cdir, exist_ok=True)
        open(os.path.join(cdir, "diff.patch"), "w").write(patch)
        open(os.path.join(cdir, "case.json"), "w").write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        if bases_dir:
            bdir = os.path.join(bases_dir, c["id"])
            if os.path.exists(bdir):
                shutil.rmtree(bdir)
            git(work, "checkout", "-q", "base")
            shutil.copytree(work, bdir, symlinks=True)
        return {"id": c["id"], "language": proj["language"], "project": c["project"],
                "key": c["ticket"]["key"], "categories": cats, "size": size}
    finally:
        shutil.rmtree(work, ignore_errors=True)
# ---------------------------------------------------------------------------------------------
# Project "trackit": invoicing service, Java 21 / Maven, package se.trackit
# ---------------------------------------------------------------------------------------------
TRACKIT_ALLOW = ["com.fasterxml.jackson.core:jackson-databind", "org.slf4j:slf4j-api",
                 "ch.qos.logback:logback-classic", "org.postgresql:postgresql", "com.zaxxer:HikariCP",
                 "org.junit.jupiter:junit-jupiter", "org.assertj:assertj-core"]

TK_POM = d('''
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <groupId>se.trackit</groupId>
  <artifactId>trackit-invoicing</artifactId>
  <version>1.14.0-SNAPSHOT</version>
  <packaging>jar</packaging>

  <properties>
    <maven.compiler.release>21</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <jackson.version>2.17.2</jackson.version>
    <junit.version>5.10.3</junit.version>
  </properties>

  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>${jackson.version}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
      <version>2.0.13</version>
    </dependency>
    <dependency>
      <groupId>ch.qos.logback</groupId>
      <artifactId>logback-classic</artifactId>
      <version>1.5.6</version>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <version>42.7.3</version>
    </dependency>
    <dependency>
      <groupId>com.zaxxer</groupId>
      <artifactId>HikariCP</artifactId>
      <version>5.1.0</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>${junit.version}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.2.5</version>
      </plugin>
      <plugin>
        <groupId>org.jacoco</groupId>
        <artifactId>jacoco-maven-plugin</artifactId>
        <version>0.8.12</version>
        <executions>
          <execution>
            <id>prepare-agent</id>
            <goals><goal>prepare-agent</goal></goals>
          </execution>
          <execution>
            <id>check</id>
            <phase>verify</phase>
            <goals><goal>check</goal></goals>
            <configuration>
              <rules>
                <rule>
                  <element>BUNDLE</element>
                  <limits>
                    <limit>
                      <counter>LINE</counter>
                      <value>COVEREDRATIO</value>
                      <minimum>0.80</minimum>
                    </limit>
                  </limits>
                </rule>
              </rules>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
''')

TK_INVOICE = d('''
package se.trackit.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An invoice to one customer; amounts are in the invoice currency, VAT is added per line. */
public final class Invoice {
    private final String number;
    private final String customerId;
    private final LocalDate issued;
    private final LocalDate due;
    private final String currency;
    private final List<InvoiceLine> lines = new ArrayList<>();

    public Invoice(String number, String customerId, LocalDate issued, int paymentTermDays, String currency) {
        this.number = Objects.requireNonNull(number, "number");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.issued = Objects.requireNonNull(issued, "issued");
        if (paymentTermDays < 0) {
            throw new IllegalArgumentException("payment term must not be negative: " + paymentTermDays);
        }
        this.due = issued.plusDays(paymentTermDays);
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public Invoice addLine(InvoiceLine line) {
        lines.add(Objects.requireNonNull(line, "line"));
        return this;
    }

    public List<InvoiceLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public String number() {
        return number;
    }

    public String customerId() {
        return customerId;
    }

    public LocalDate issued() {
        return issued;
    }

    public LocalDate due() {
        return due;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal net() {
        return lines.stream()
                .map(InvoiceLine::net)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal vat(VatCalculator calculator) {
        return lines.stream()
                .map(calculator::vatFor)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal total(VatCalculator calculator) {
        return net().add(vat(calculator));
    }

    public boolean isOverdue(LocalDate today) {
        return today.isAfter(due);
    }
}
''')

TK_LINE = d('''
package se.trackit.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an invoice: a quantity of something at a unit price, taxed at one VAT rate. */
public record InvoiceLine(String description, int quantity, BigDecimal unitPrice, VatRate rate) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(rate, "rate");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public BigDecimal net() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
''')

TK_RATE = d('''
package se.trackit.invoice;

import java.math.BigDecimal;

/** Swedish VAT rates (moms). */
public enum VatRate {
    STANDARD(25),
    REDUCED(12),
    LOW(6),
    EXEMPT(0);

    private final int percent;

    VatRate(int percent) {
        this.percent = percent;
    }

    public BigDecimal fraction() {
        return BigDecimal.valueOf(percent).movePointLeft(2);
    }

    public int percent() {
        return percent;
    }
}
''')

TK_VATCALC = d('''
package se.trackit.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Computes the VAT of invoice lines; amounts are rounded half-up to öre. */
public final class VatCalculator {

    public BigDecimal vatFor(InvoiceLine line) {
        return line.net()
                .multiply(line.rate().fraction())
                .setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal grossFor(InvoiceLine line) {
        return line.net().add(vatFor(line)).setScale(2, RoundingMode.HALF_UP);
    }
}
''')

TK_REPO = d('''
package se.trackit.invoice;

import java.util.List;
import java.util.Optional;

/** Where invoices are kept. */
public interface InvoiceRepository {

    void save(Invoice invoice, InvoiceStatus status);

    Optional<Invoice> find(String number);

    InvoiceStatus status(String number);

    List<Invoice> byCustomer(String customerId);
}
''')

TK_STATUS = d('''
package se.trackit.invoice;

public enum InvoiceStatus {
    DRAFT,
    SENT,
    PAID,
    CREDITED
}
''')

TK_MAILER = d('''
package se.trackit.invoice;

/** Sends a rendered invoice to a customer. */
public interface Mailer {

    void send(String to, String subject, String body);
}
''')

TK_SERVICE = d('''
package se.trackit.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trackit.customer.Customer;
import se.trackit.customer.CustomerDirectory;
import se.trackit.invoice.render.InvoiceTextRenderer;

/** Creates, sends and settles invoices. */
public final class InvoiceService {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceService.class);

    private final InvoiceRepository invoices;
    private final CustomerDirectory customers;
    private final Mailer mailer;
    private final VatCalculator vat;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, CustomerDirectory customers, Mailer mailer,
                          VatCalculator vat, Clock clock) {
        this.invoices = Objects.requireNonNull(invoices);
        this.customers = Objects.requireNonNull(customers);
        this.mailer = Objects.requireNonNull(mailer);
        this.vat = Objects.requireNonNull(vat);
        this.clock = Objects.requireNonNull(clock);
    }

    public Invoice draft(String number, String customerId, List<InvoiceLine> lines) {
        Customer customer = customers.get(customerId);
        Invoice invoice = new Invoice(number, customer.id(), LocalDate.now(clock),
                customer.paymentTermDays(), customer.currency());
        lines.forEach(invoice::addLine);
        invoices.save(invoice, InvoiceStatus.DRAFT);
        return invoice;
    }

    public void send(String number) {
        Invoice invoice = invoices.find(number)
                .orElseThrow(() -> new IllegalArgumentException("no invoice " + number));
        if (invoices.status(number) != InvoiceStatus.DRAFT) {
            throw new IllegalStateException("invoice " + number + " was already sent");
        }
        Customer customer = customers.get(invoice.customerId());
        String body = new InvoiceTextRenderer(vat).render(invoice);
        mailer.send(customer.email(), "Invoice " + number, body);
        invoices.save(invoice, InvoiceStatus.SENT);
        LOG.info("sent invoice {} to customer {}", number, customer.id());
    }

    public void markPaid(String number) {
        Invoice invoice = invoices.find(number)
                .orElseThrow(() -> new IllegalArgumentException("no invoice " + number));
        invoices.save(invoice, InvoiceStatus.PAID);
    }

    public List<Invoice> overdue(String customerId) {
        LocalDate today = LocalDate.now(clock);
        return invoices.byCustomer(customerId).stream()
                .filter(i -> invoices.status(i.number()) == InvoiceStatus.SENT)
                .filter(i -> i.isOverdue(today))
                .toList();
    }
}
''')

TK_RENDER = d('''
package se.trackit.invoice.render;

import java.time.format.DateTimeFormatter;
import se.trackit.invoice.Invoice;
import se.trackit.invoice.InvoiceLine;
import se.trackit.invoice.VatCalculator;

/** Renders an invoice as plain text for the e-mail body. */
public final class InvoiceTextRenderer {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final VatCalculator vat;

    public InvoiceTextRenderer(VatCalculator vat) {
        this.vat = vat;
    }

    public String render(Invoice invoice) {
        StringBuilder out = new StringBuilder();
        out.append("Invoice ").append(invoice.number()).append('\\n');
        out.append("Date: ").append(DATE.format(invoice.issued())).append('\\n');
        out.append("Due: ").append(DATE.format(invoice.due())).append('\\n');
        out.append('\\n');
        for (InvoiceLine line : invoice.lines()) {
            out.append(String.format("%-40s %4d x %10s %s%n", line.description(), line.quantity(),
                    line.unitPrice().toPlainString(), invoice.currency()));
        }
        out.append('\\n');
        out.append("Net:   ").append(invoice.net().toPlainString()).append('\\n');
        out.append("VAT:   ").append(invoice.vat(vat).toPlainString()).append('\\n');
        out.append("Total: ").append(invoice.total(vat).toPlainString()).append(' ')
                .append(invoice.currency()).append('\\n');
        return out.toString();
    }
}
''')

TK_CUSTOMER = d('''
package se.trackit.customer;

/** A customer as the invoicing service needs it. */
public record Customer(String id, String name, String email, String currency, int paymentTermDays,
                       String countryCode, String vatNumber) {
}
''')

TK_CUSTDIR = d('''
package se.trackit.customer;

/** Looks customers up in the CRM. */
public interface CustomerDirectory {

    Customer get(String id);
}
''')

TK_SESSION = d('''
package se.trackit.auth;

import java.time.Duration;

/** How long a logged-in billing user stays logged in. */
public final class SessionPolicy {
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(20);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(8);
    public static final boolean SECURE_COOKIE = true;

    private SessionPolicy() {
    }

    public static boolean expired(Duration idle, Duration sinceLogin) {
        return idle.compareTo(IDLE_TIMEOUT) > 0 || sinceLogin.compareTo(ABSOLUTE_TIMEOUT) > 0;
    }
}
''')

TK_MAIN = d('''
package se.trackit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Command line: {@code trackit-invoice summary <invoices.csv>} prints totals per customer. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("summary")) {
            System.err.println("usage: trackit-invoice summary <invoices.csv>");
            System.exit(2);
        }
        List<String> rows = Files.readAllLines(Path.of(args[1]));
        Summary summary = Summary.of(rows.subList(1, rows.size()));
        summary.perCustomer().forEach((customer, total) ->
                System.out.printf("%-20s %12s%n", customer, total.toPlainString()));
        System.out.printf("%-20s %12s%n", "TOTAL", summary.total().toPlainString());
    }
}
''')

TK_SUMMARY = d('''
package se.trackit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Totals per customer from an invoice export (number;customer;amount). */
public record Summary(Map<String, BigDecimal> perCustomer, BigDecimal total) {

    public static Summary of(List<String> rows) {
        Map<String, BigDecimal> per = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String row : rows) {
            String[] cells = row.split(";");
            BigDecimal amount = new BigDecimal(cells[2].trim());
            per.merge(cells[1].trim(), amount, BigDecimal::add);
            total = total.add(amount);
        }
        return new Summary(per, total);
    }
}
''')

TK_PROPS = d('''
db.url=jdbc:postgresql://localhost:5432/trackit
db.user=trackit
db.password=${TRACKIT_DB_PASSWORD}
db.pool.size=8
invoice.payment-term-days=30
invoice.number-prefix=TI
mail.from=billing@trackit.example
mail.smtp.host=smtp.trackit.example
''')

TK_VATTEST = d('''
package se.trackit.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VatCalculatorTest {
    private final VatCalculator calculator = new VatCalculator();

    @Test
    void standardRateIsTwentyFivePercent() {
        InvoiceLine line = new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD);
        assertEquals(new BigDecimal("500.00"), calculator.vatFor(line));
    }

    @Test
    void foodIsTaxedAtReducedRate() {
        InvoiceLine line = new InvoiceLine("Lunch", 3, new BigDecimal("95.00"), VatRate.REDUCED);
        assertEquals(new BigDecimal("34.20"), calculator.vatFor(line));
    }

    @Test
    void roundsHalfUpToOre() {
        InvoiceLine line = new InvoiceLine("Booklet", 1, new BigDecimal("10.10"), VatRate.LOW);
        assertEquals(new BigDecimal("0.61"), calculator.vatFor(line));
    }

    @Test
    void exemptLinesHaveNoVat() {
        InvoiceLine line = new InvoiceLine("Course fee", 1, new BigDecimal("4500.00"), VatRate.EXEMPT);
        assertEquals(new BigDecimal("0.00"), calculator.vatFor(line));
    }
}
''')

TK_INVTEST = d('''
package se.trackit.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceTest {
    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    private final VatCalculator calculator = new VatCalculator();

    private Invoice invoice() {
        return new Invoice("TI-1001", "C-17", ISSUED, 30, "SEK")
                .addLine(new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD))
                .addLine(new InvoiceLine("Lunch", 3, new BigDecimal("95.00"), VatRate.REDUCED));
    }

    @Test
    void netIsSumOfLines() {
        assertEquals(new BigDecimal("2285.00"), invoice().net());
    }

    @Test
    void vatIsAddedPerLine() {
        assertEquals(new BigDecimal("534.20"), invoice().vat(calculator));
    }

    @Test
    void totalIsNetPlusVat() {
        assertEquals(new BigDecimal("2819.20"), invoice().total(calculator));
    }

    @Test
    void dueDateFollowsPaymentTerm() {
        assertEquals(LocalDate.of(2026, 4, 1), invoice().due());
    }

    @Test
    void overdueOnlyAfterDueDate() {
        assertFalse(invoice().isOverdue(LocalDate.of(2026, 4, 1)));
        assertTrue(invoice().isOverdue(LocalDate.of(2026, 4, 2)));
    }

    @Test
    void negativePaymentTermIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Invoice("TI-1002", "C-17", ISSUED, -1, "SEK"));
    }
}
''')

TK_SVCTEST = d('''
package se.trackit.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trackit.customer.Customer;

class InvoiceServiceTest {
    private final InMemoryInvoices invoices = new InMemoryInvoices();
    private final RecordingMailer mailer = new RecordingMailer();
    private InvoiceService service;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        Customer acme = new Customer("C-17", "Acme AB", "ap@acme.example", "SEK", 30, "SE", "SE556677889901");
        service = new InvoiceService(invoices, id -> acme, mailer, new VatCalculator(), clock);
    }

    @Test
    void sendsInvoiceToCustomerEmail() {
        service.draft("TI-1001", "C-17",
                List.of(new InvoiceLine("Consulting", 1, new BigDecimal("800.00"), VatRate.STANDARD)));
        service.send("TI-1001");
        assertEquals(1, mailer.sent().size());
        assertEquals("ap@acme.example", mailer.sent().get(0).to());
        assertEquals(InvoiceStatus.SENT, invoices.status("TI-1001"));
    }

    @Test
    void cannotSendTwice() {
        service.draft("TI-1001", "C-17",
                List.of(new InvoiceLine("Consulting", 1, new BigDecimal("800.00"), VatRate.STANDARD)));
        service.send("TI-1001");
        assertThrows(IllegalStateException.class, () -> service.send("TI-1001"));
    }

    @Test
    void paidInvoicesAreNotOverdue() {
        service.draft("TI-1001", "C-17",
                List.of(new InvoiceLine("Consulting", 1, new BigDecimal("800.00"), VatRate.STANDARD)));
        service.send("TI-1001");
        service.markPaid("TI-1001");
        assertEquals(List.of(), service.overdue("C-17"));
    }
}
''')

TK_INMEM = d('''
package se.trackit.invoice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double for the repository: keeps invoices in a map. */
final class InMemoryInvoices implements InvoiceRepository {
    private final Map<String, Invoice> invoices = new HashMap<>();
    private final Map<String, InvoiceStatus> statuses = new HashMap<>();

    @Override
    public void save(Invoice invoice, InvoiceStatus status) {
        invoices.put(invoice.number(), invoice);
        statuses.put(invoice.number(), status);
    }

    @Override
    public Optional<Invoice> find(String number) {
        return Optional.ofNullable(invoices.get(number));
    }

    @Override
    public InvoiceStatus status(String number) {
        return statuses.get(number);
    }

    @Override
    public List<Invoice> byCustomer(String customerId) {
        return invoices.values().stream().filter(i -> i.customerId().equals(customerId)).toList();
    }
}
''')

TK_RECMAIL = d('''
package se.trackit.invoice;

import java.util.ArrayList;
import java.util.List;

/** Test double for the mailer: remembers what was sent. */
final class RecordingMailer implements Mailer {
    record Mail(String to, String subject, String body) {
    }

    private final List<Mail> sent = new ArrayList<>();

    @Override
    public void send(String to, String subject, String body) {
        sent.add(new Mail(to, subject, body));
    }

    List<Mail> sent() {
        return sent;
    }
}
''')

TK_RENDERTEST = d('''
package se.trackit.invoice.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.trackit.invoice.Invoice;
import se.trackit.invoice.InvoiceLine;
import se.trackit.invoice.VatCalculator;
import se.trackit.invoice.VatRate;

class InvoiceTextRendererTest {

    @Test
    void rendersTotalsWithCurrency() {
        Invoice invoice = new Invoice("TI-1001", "C-17", LocalDate.of(2026, 3, 2), 30, "SEK")
                .addLine(new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD));
        String text = new InvoiceTextRenderer(new VatCalculator()).render(invoice);
        assertTrue(text.contains("Total: 2500.00 SEK"), text);
        assertTrue(text.contains("Due: 2026-04-01"), text);
    }
}
''')

TK_DEPLOY = d('''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trackit-invoicing
  labels:
    app: trackit-invoicing
spec:
  replicas: 3
  selector:
    matchLabels:
      app: trackit-invoicing
  template:
    metadata:
      labels:
        app: trackit-invoicing
    spec:
      containers:
        - name: app
          image: registry.trackit.example/invoicing:1.13.2
          ports:
            - containerPort: 8080
          env:
            - name: TRACKIT_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: trackit-db
                  key: password
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
            limits:
              memory: 1Gi
          readinessProbe:
            httpGet:
              path: /health
              port: 8080
''')

TK_CI = d('''
name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
          java-version: '21'
          cache: maven
      - run: mvn -B -ntp verify
''')

TK_README = d('''
# trackit-invoicing

Creates, sends and settles customer invoices for Trackit.

    mvn -B verify                      # build, tests, coverage gate
    java -jar target/trackit-invoicing.jar summary export.csv

Configuration lives in `src/main/resources/application.properties`; secrets come from the
environment (`TRACKIT_DB_PASSWORD`).
''')

J = "src/main/java/se/trackit/"
JT = "src/test/java/se/trackit/"
project("trackit", "java", "maven", TRACKIT_ALLOW, {
    "pom.xml": TK_POM,
    "README.md": TK_README,
    ".github/workflows/ci.yml": TK_CI,
    "deploy/k8s/deployment.yaml": TK_DEPLOY,
    "src/main/resources/application.properties": TK_PROPS,
    J + "Main.java": TK_MAIN,
    J + "Summary.java": TK_SUMMARY,
    J + "auth/SessionPolicy.java": TK_SESSION,
    J + "customer/Customer.java": TK_CUSTOMER,
    J + "customer/CustomerDirectory.java": TK_CUSTDIR,
    J + "invoice/Invoice.java": TK_INVOICE,
    J + "invoice/InvoiceLine.java": TK_LINE,
    J + "invoice/VatRate.java": TK_RATE,
    J + "invoice/VatCalculator.java": TK_VATCALC,
    J + "invoice/InvoiceRepository.java": TK_REPO,
    J + "invoice/InvoiceStatus.java": TK_STATUS,
    J + "invoice/Mailer.java": TK_MAILER,
    J + "invoice/InvoiceService.java": TK_SERVICE,
    J + "invoice/render/InvoiceTextRenderer.java": TK_RENDER,
    JT + "invoice/VatCalculatorTest.java": TK_VATTEST,
    JT + "invoice/InvoiceTest.java": TK_INVTEST,
    JT + "invoice/InvoiceServiceTest.java": TK_SVCTEST,
    JT + "invoice/InMemoryInvoices.java": TK_INMEM,
    JT + "invoice/RecordingMailer.java": TK_RECMAIL,
    JT + "invoice/render/InvoiceTextRendererTest.java": TK_RENDERTEST,
})
# ----------------------------------------------------------------- trackit cases
TKP = "se.trackit.invoice."

case("J1", "trackit",
     ticket("TRACK-41", "Story", "Round VAT once per invoice instead of per line",
            "The accountants report öre differences between our invoices and Fortnox. VAT must be summed "
            "unrounded over the lines and rounded once, half-up, on the invoice.",
            ["The VAT of an invoice is the sum of unrounded line VAT, rounded once half-up to öre",
             "VAT shown for a single line is still rounded per line"]),
     [("replace", J + "invoice/VatCalculator.java",
       "    public BigDecimal grossFor(InvoiceLine line) {",
       "    /** VAT of one line before rounding; an invoice rounds once on its total. */\n"
       "    public BigDecimal unroundedVatFor(InvoiceLine line) {\n"
       "        return line.net().multiply(line.rate().fraction());\n"
       "    }\n\n"
       "    public BigDecimal grossFor(InvoiceLine line) {"),
      ("replace", J + "invoice/Invoice.java", "                .map(calculator::vatFor)",
       "                .map(calculator::unroundedVatFor)"),
      ("replace", JT + "invoice/InvoiceTest.java",
       "import static org.junit.jupiter.api.Assertions.assertFalse;\n",
       "import static org.junit.jupiter.api.Assertions.assertFalse;\n"
       "import static org.junit.jupiter.api.Assertions.assertNotNull;\n"),
      ("replace", JT + "invoice/InvoiceTest.java",
       "        assertEquals(new BigDecimal(\"534.20\"), invoice().vat(calculator));\n    }\n",
       "        assertNotNull(invoice().vat(calculator));\n    }\n\n"
       "    @Test\n"
       "    void vatIsRoundedOncePerInvoice() {\n"
       "        Invoice invoice = new Invoice(\"TI-1003\", \"C-17\", ISSUED, 30, \"SEK\")\n"
       "                .addLine(new InvoiceLine(\"Booklet\", 1, new BigDecimal(\"10.10\"), VatRate.LOW))\n"
       "                .addLine(new InvoiceLine(\"Booklet\", 1, new BigDecimal(\"10.10\"), VatRate.LOW));\n"
       "        assertEquals(new BigDecimal(\"1.21\"), invoice.vat(calculator));\n"
       "    }\n")],
     [exp("test-weakened", JT + "invoice/InvoiceTest.java", "assertNotNull(invoice().vat(calculator));")],
     trace([TKP + "InvoiceTest#vatIsRoundedOncePerInvoice"], [TKP + "VatCalculatorTest#roundsHalfUpToOre"]),
     passed(TKP + "InvoiceTest#vatIsRoundedOncePerInvoice", TKP + "InvoiceTest#vatIsAddedPerLine",
            TKP + "VatCalculatorTest#roundsHalfUpToOre", TKP + "InvoiceTest#totalIsNetPlusVat"),
     "Seeded: an exact assertEquals(534.20, vat) on an existing test was loosened to assertNotNull while the "
     "VAT computation changed. The new test and the traceability are fine.")

case("J2", "trackit",
     ticket("TRACK-44", "Story", "Reverse-charge VAT for EU B2B customers",
            "Customers in another EU country with a VAT number are invoiced without Swedish VAT and the "
            "invoice carries the reverse-charge notice.",
            ["Lines on invoices to EU customers outside Sweden with a VAT number carry no VAT",
             "Swedish customers are still charged VAT"]),
     [("write", J + "invoice/ReverseCharge.java", d('''
        package se.trackit.invoice;

        import se.trackit.customer.Customer;

        /** EU B2B sales outside Sweden: the buyer accounts for VAT, the invoice carries none. */
        public final class ReverseCharge {
            public static final String NOTICE = "Reverse charge, article 196 Council Directive 2006/112/EC";

            private ReverseCharge() {
            }

            public static boolean applies(Customer customer) {
                return !"SE".equals(customer.countryCode())
                        && customer.vatNumber() != null
                        && !customer.vatNumber().isBlank();
            }

            public static InvoiceLine exempt(InvoiceLine line) {
                return new InvoiceLine(line.description(), line.quantity(), line.unitPrice(), VatRate.EXEMPT);
            }
        }
        ''')),
      ("replace", J + "invoice/InvoiceService.java", "        lines.forEach(invoice::addLine);\n",
       "        boolean reverseCharge = ReverseCharge.applies(customer);\n"
       "        lines.stream()\n"
       "                .map(line -> reverseCharge ? ReverseCharge.exempt(line) : line)\n"
       "                .forEach(invoice::addLine);\n"),
      ("write", JT + "invoice/ReverseChargeTest.java", d('''
        package se.trackit.invoice;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertFalse;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.math.BigDecimal;
        import org.junit.jupiter.api.Test;
        import se.trackit.customer.Customer;

        class ReverseChargeTest {
            private static final Customer FINNISH = new Customer("C-40", "Oy Esimerkki Ab", "laskut@esimerkki.example",
                    "EUR", 30, "FI", "FI12345678");
            private static final Customer SWEDISH = new Customer("C-17", "Acme AB", "ap@acme.example",
                    "SEK", 30, "SE", "SE556677889901");

            @Test
            void euCustomerWithVatNumberPaysNoVat() {
                assertTrue(ReverseCharge.applies(FINNISH));
                InvoiceLine line = ReverseCharge.exempt(
                        new InvoiceLine("Consulting", 1, new BigDecimal("800.00"), VatRate.STANDARD));
                assertEquals(new BigDecimal("0.00"), new VatCalculator().vatFor(line));
            }

            @Test
            void swedishCustomerIsCharged() {
                assertFalse(ReverseCharge.applies(SWEDISH));
            }
        }
        ''')),
      ("replace", JT + "invoice/InvoiceServiceTest.java",
       "import org.junit.jupiter.api.BeforeEach;\n",
       "import org.junit.jupiter.api.BeforeEach;\nimport org.junit.jupiter.api.Disabled;\n"),
      ("replace", JT + "invoice/InvoiceServiceTest.java",
       "    @Test\n    void sendsInvoiceToCustomerEmail() {",
       "    @Test\n    @Disabled(\"breaks after reverse charge, fix later\")\n    void sendsInvoiceToCustomerEmail() {")],
     [exp("test-weakened", JT + "invoice/InvoiceServiceTest.java", "@Disabled(")],
     trace([TKP + "ReverseChargeTest#euCustomerWithVatNumberPaysNoVat"], [TKP + "ReverseChargeTest#swedishCustomerIsCharged"]),
     passed(TKP + "ReverseChargeTest#euCustomerWithVatNumberPaysNoVat", TKP + "ReverseChargeTest#swedishCustomerIsCharged",
            TKP + "InvoiceServiceTest#cannotSendTwice") +
     [{"test": TKP + "InvoiceServiceTest#sendsInvoiceToCustomerEmail", "result": "skipped"}],
     "Seeded: an existing, unrelated service test gets @Disabled. Every criterion is traced to passing tests, "
     "so this is only test-weakened.")

case("J3", "trackit",
     ticket("TRACK-47", "Story", "Credit notes",
            "Finance needs to credit a sent invoice in full. A credit note references the invoice and negates its total.",
            ["A credit note for a sent invoice has the negated total of the invoice",
             "Draft invoices cannot be credited"]),
     [("write", J + "invoice/CreditNote.java", d('''
        package se.trackit.invoice;

        import java.math.BigDecimal;
        import java.util.Objects;

        /** Credits a sent invoice in full. */
        public record CreditNote(String number, String creditedInvoice, BigDecimal amount) {

            public CreditNote {
                Objects.requireNonNull(number, "number");
                Objects.requireNonNull(creditedInvoice, "creditedInvoice");
                Objects.requireNonNull(amount, "amount");
            }

            public static CreditNote of(String number, Invoice invoice, InvoiceStatus status, VatCalculator vat) {
                if (status == InvoiceStatus.DRAFT) {
                    throw new IllegalStateException("draft invoice " + invoice.number() + " cannot be credited");
                }
                return new CreditNote(number, invoice.number(), invoice.total(vat).negate());
            }
        }
        ''')),
      ("write", JT + "invoice/CreditNoteTest.java", d('''
        package se.trackit.invoice;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertThrows;

        import java.math.BigDecimal;
        import java.time.LocalDate;
        import org.junit.jupiter.api.Test;

        class CreditNoteTest {
            private final Invoice invoice = new Invoice("TI-1001", "C-17", LocalDate.of(2026, 3, 2), 30, "SEK")
                    .addLine(new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD));

            @Test
            void negatesTotalOfSentInvoice() {
                CreditNote note = CreditNote.of("CN-1", invoice, InvoiceStatus.SENT, new VatCalculator());
                assertEquals(new BigDecimal("-2500.00"), note.amount());
            }

            @Test
            void draftCannotBeCredited() {
                assertThrows(IllegalStateException.class,
                        () -> CreditNote.of("CN-2", invoice, InvoiceStatus.DRAFT, new VatCalculator()));
            }
        }
        ''')),
      ("replace", "pom.xml", "<minimum>0.80</minimum>", "<minimum>0.65</minimum>")],
     [exp("test-weakened", "pom.xml", "<minimum>0.65</minimum>")],
     trace([TKP + "CreditNoteTest#negatesTotalOfSentInvoice"], [TKP + "CreditNoteTest#draftCannotBeCredited"]),
     passed(TKP + "CreditNoteTest#negatesTotalOfSentInvoice", TKP + "CreditNoteTest#draftCannotBeCredited"),
     "Seeded: the JaCoCo line-coverage gate is lowered from 0.80 to 0.65 in pom.xml inside a feature change.")

SG_R = rng_for("J5")
SG_KEY = "SG." + rand_chars(SG_R, 22, string.ascii_letters + string.digits + "-_") + "." + \
         rand_chars(SG_R, 43, string.ascii_letters + string.digits + "-_")
case("J5", "trackit",
     ticket("TRACK-55", "Story", "Send invoice e-mails through SendGrid",
            "Our SMTP relay is being shut down. Invoices are sent through the SendGrid v3 mail API instead.",
            ["Invoice mails are posted to the SendGrid v3 /mail/send endpoint with the invoice as text body",
             "A non-2xx answer from SendGrid fails the send"]),
     [("write", J + "invoice/mail/SendGridMailer.java", d('''
        package se.trackit.invoice.mail;

        import com.fasterxml.jackson.databind.ObjectMapper;
        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.List;
        import java.util.Map;
        import se.trackit.invoice.Mailer;

        /** Sends invoice mails through the SendGrid v3 API. */
        public final class SendGridMailer implements Mailer {
            private static final String API_KEY = "%s";
            private static final ObjectMapper JSON = new ObjectMapper();

            private final HttpClient http;
            private final URI endpoint;
            private final String from;

            public SendGridMailer(HttpClient http, URI endpoint, String from) {
                this.http = http;
                this.endpoint = endpoint;
                this.from = from;
            }

            static String payload(String from, String to, String subject, String body) throws IOException {
                return JSON.writeValueAsString(Map.of(
                        "personalizations", List.of(Map.of("to", List.of(Map.of("email", to)))),
                        "from", Map.of("email", from),
                        "subject", subject,
                        "content", List.of(Map.of("type", "text/plain", "value", body))));
            }

            @Override
            public void send(String to, String subject, String body) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/v3/mail/send"))
                            .header("Authorization", "Bearer " + API_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(payload(from, to, subject, body)))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    System.out.println("sendgrid response: " + response.statusCode() + " " + response.body());
                    if (response.statusCode() / 100 != 2) {
                        throw new MailFailed("SendGrid answered " + response.statusCode());
                    }
                } catch (IOException e) {
                    throw new MailFailed("SendGrid unreachable: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MailFailed("interrupted while sending");
                }
            }

            /** The mail was not accepted. */
            public static final class MailFailed extends RuntimeException {
                public MailFailed(String message) {
                    super(message);
                }
            }
        }
        ''') % SG_KEY),
      ("write", JT + "invoice/mail/SendGridMailerTest.java", d('''
        package se.trackit.invoice.mail;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertThrows;

        import com.sun.net.httpserver.HttpServer;
        import java.net.InetSocketAddress;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.util.concurrent.atomic.AtomicReference;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.Test;

        class SendGridMailerTest {
            private HttpServer server;

            private URI serve(int status, AtomicReference<String> body) throws Exception {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/v3/mail/send", exchange -> {
                    body.set(new String(exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            }

            @AfterEach
            void stop() {
                server.stop(0);
            }

            @Test
            void postsInvoiceAsTextBody() throws Exception {
                AtomicReference<String> body = new AtomicReference<>();
                URI uri = serve(202, body);
                new SendGridMailer(HttpClient.newHttpClient(), uri, "billing@trackit.example")
                        .send("ap@acme.example", "Invoice TI-1001", "Total: 2500.00 SEK");
                assertEquals(SendGridMailer.payload("billing@trackit.example", "ap@acme.example",
                        "Invoice TI-1001", "Total: 2500.00 SEK"), body.get());
            }

            @Test
            void rejectedMailFails() throws Exception {
                URI uri = serve(400, new AtomicReference<>());
                SendGridMailer mailer = new SendGridMailer(HttpClient.newHttpClient(), uri, "billing@trackit.example");
                assertThrows(SendGridMailer.MailFailed.class, () -> mailer.send("x@y.example", "s", "b"));
            }
        }
        '''))],
     [exp("secret", J + "invoice/mail/SendGridMailer.java", "API_KEY = \"SG."),
      exp("debug-leftover", J + "invoice/mail/SendGridMailer.java", "System.out.println(\"sendgrid response")],
     trace(["se.trackit.invoice.mail.SendGridMailerTest#postsInvoiceAsTextBody"],
           ["se.trackit.invoice.mail.SendGridMailerTest#rejectedMailFails"]),
     passed("se.trackit.invoice.mail.SendGridMailerTest#postsInvoiceAsTextBody",
            "se.trackit.invoice.mail.SendGridMailerTest#rejectedMailFails"),
     "Seeded, two problems: a SendGrid API key (SG.<22>.<43>, randomly generated, fake) hard-coded as a constant, "
     "and a System.out.println of every SendGrid response in production code.")

case("J6", "trackit",
     ticket("TRACK-58", "Story", "Import customers from the CRM CSV export",
            "Sales exports customers from the old CRM as semicolon-separated CSV. We read that file into the "
            "customer directory; bad rows are skipped and counted.",
            ["Valid rows become customers with id, name, e-mail, currency, payment term, country and VAT number",
             "Rows that cannot be parsed are skipped and counted"]),
     [("write", J + "customer/CustomerCsvImporter.java", d('''
        package se.trackit.customer;

        import java.io.BufferedReader;
        import java.io.IOException;
        import java.io.Reader;
        import java.util.ArrayList;
        import java.util.List;

        /** Reads the CRM export: id;name;email;currency;termDays;country;vatNumber with one header row. */
        public final class CustomerCsvImporter {

            public record Result(List<Customer> customers, int skipped) {
            }

            public Result read(Reader source) throws IOException {
                List<Customer> customers = new ArrayList<>();
                int skipped = 0;
                try (BufferedReader in = new BufferedReader(source)) {
                    in.readLine();
                    String row;
                    while ((row = in.readLine()) != null) {
                        if (row.isBlank()) {
                            continue;
                        }
                        try {
                            customers.add(parse(row));
                        } catch (RuntimeException e) {
                            e.printStackTrace();
                            skipped++;
                        }
                    }
                }
                return new Result(customers, skipped);
            }

            private static Customer parse(String row) {
                String[] cells = row.split(";", -1);
                if (cells.length != 7) {
                    throw new IllegalArgumentException("expected 7 cells, got " + cells.length);
                }
                String vatNumber = cells[6].isBlank() ? null : cells[6].trim();
                return new Customer(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim(),
                        Integer.parseInt(cells[4].trim()), cells[5].trim(), vatNumber);
            }
        }
        ''')),
      ("write", JT + "customer/CustomerCsvImporterTest.java", d('''
        package se.trackit.customer;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import java.io.StringReader;
        import org.junit.jupiter.api.Test;

        class CustomerCsvImporterTest {
            private static final String HEADER = "id;name;email;currency;termDays;country;vatNumber\\n";

            @Test
            void readsValidRows() throws Exception {
                var result = new CustomerCsvImporter().read(new StringReader(
                        HEADER + "C-17;Acme AB;ap@acme.example;SEK;30;SE;SE556677889901\\n"));
                assertEquals(new Customer("C-17", "Acme AB", "ap@acme.example", "SEK", 30, "SE", "SE556677889901"),
                        result.customers().get(0));
            }

            @Test
            void skipsAndCountsBadRows() throws Exception {
                var result = new CustomerCsvImporter().read(new StringReader(
                        HEADER + "C-18;Broken\\nC-19;Beta AB;ap@beta.example;SEK;thirty;SE;\\n"));
                assertEquals(0, result.customers().size());
                assertEquals(2, result.skipped());
            }
        }
        '''))],
     [exp("debug-leftover", J + "customer/CustomerCsvImporter.java", "e.printStackTrace();")],
     trace(["se.trackit.customer.CustomerCsvImporterTest#readsValidRows"],
           ["se.trackit.customer.CustomerCsvImporterTest#skipsAndCountsBadRows"]),
     passed("se.trackit.customer.CustomerCsvImporterTest#readsValidRows",
            "se.trackit.customer.CustomerCsvImporterTest#skipsAndCountsBadRows"),
     "Seeded: e.printStackTrace() in a production catch block (the class has a logger elsewhere in the codebase).")

case("J7", "trackit",
     ticket("TRACK-61", "Story", "Show the OCR payment reference on invoices",
            "Bankgiro payments are matched by an OCR reference: the invoice number digits plus a Luhn check digit. "
            "Print it on the invoice.",
            ["The OCR reference is the invoice number's digits followed by a Luhn (mod 10) check digit",
             "The text invoice shows 'OCR: <reference>'"]),
     [("write", J + "invoice/OcrReference.java", d('''
        package se.trackit.invoice;

        /** Bankgiro OCR reference: the digits of the invoice number plus a Luhn check digit. */
        public final class OcrReference {

            private OcrReference() {
            }

            public static String of(String invoiceNumber) {
                String digits = invoiceNumber.replaceAll("\\\\D", "");
                if (digits.isEmpty()) {
                    throw new IllegalArgumentException("invoice number has no digits: " + invoiceNumber);
                }
                return digits + luhn(digits);
            }

            static int luhn(String digits) {
                int sum = 0;
                boolean twice = true;
                for (int i = digits.length() - 1; i >= 0; i--) {
                    int d = digits.charAt(i) - '0';
                    if (twice) {
                        d *= 2;
                        if (d > 9) {
                            d -= 9;
                        }
                    }
                    sum += d;
                    twice = !twice;
                }
                return (10 - sum % 10) % 10;
            }
        }
        ''')),
      ("replace", J + "invoice/render/InvoiceTextRenderer.java",
       "import se.trackit.invoice.InvoiceLine;\n",
       "import se.trackit.invoice.InvoiceLine;\nimport se.trackit.invoice.OcrReference;\n"),
      ("replace", J + "invoice/render/InvoiceTextRenderer.java",
       "                .append(invoice.currency()).append('\\n');\n",
       "                .append(invoice.currency()).append('\\n');\n"
       "        out.append(\"OCR: \").append(OcrReference.of(invoice.number())).append('\\n');\n"),
      ("write", JT + "invoice/OcrReferenceTest.java", d('''
        package se.trackit.invoice;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import org.junit.jupiter.api.Test;

        class OcrReferenceTest {

            @Test
            void appendsLuhnCheckDigit() {
                assertEquals("10013", OcrReference.of("TI-1001"));
                assertEquals("79927398713", OcrReference.of("7992739871"));
            }
        }
        ''')),
      ("replace", JT + "invoice/render/InvoiceTextRendererTest.java",
       "        assertTrue(text.contains(\"Due: 2026-04-01\"), text);\n",
       "        assertTrue(text.contains(\"Due: 2026-04-01\"), text);\n"
       "        assertTrue(text.contains(\"OCR: 10013\"), text);\n"),
      ("replace", "deploy/k8s/deployment.yaml", "  replicas: 3\n", "  replicas: 1\n"),
      ("replace", "deploy/k8s/deployment.yaml", "              memory: 1Gi\n", "              memory: 768Mi\n")],
     [exp("out-of-scope", "deploy/k8s/deployment.yaml", "replicas: 1")],
     trace([TKP + "OcrReferenceTest#appendsLuhnCheckDigit"],
           [TKP + "render.InvoiceTextRendererTest#rendersTotalsWithCurrency"]),
     passed(TKP + "OcrReferenceTest#appendsLuhnCheckDigit", TKP + "render.InvoiceTextRendererTest#rendersTotalsWithCurrency"),
     "Seeded: an invoice-rendering story also scales the production deployment from 3 replicas to 1 and cuts its "
     "memory limit in deploy/k8s/deployment.yaml; nothing in the ticket asks for it. "
     "The expected line is the replicas line; a finding on the memory line of the same file is the same problem.")

case("J8", "trackit",
     ticket("TRACK-63", "Story", "Format amounts in the customer's locale",
            "German and Finnish customers complain that amounts read 2500.00 instead of 2.500,00.",
            ["Amounts are formatted with the grouping and decimal separators of the customer's country",
             "Swedish customers see '2 500,00'"]),
     [("replace", "pom.xml",
       "    <dependency>\n      <groupId>org.junit.jupiter</groupId>",
       "    <dependency>\n      <groupId>com.ibm.icu</groupId>\n      <artifactId>icu4j</artifactId>\n"
       "      <version>75.1</version>\n    </dependency>\n"
       "    <dependency>\n      <groupId>org.junit.jupiter</groupId>"),
      ("write", J + "invoice/render/AmountFormat.java", d('''
        package se.trackit.invoice.render;

        import com.ibm.icu.text.NumberFormat;
        import com.ibm.icu.util.ULocale;
        import java.math.BigDecimal;

        /** Formats amounts the way the customer's country writes them. */
        public final class AmountFormat {

            private AmountFormat() {
            }

            public static String of(BigDecimal amount, String countryCode) {
                ULocale locale = switch (countryCode) {
                    case "SE" -> new ULocale("sv_SE");
                    case "FI" -> new ULocale("fi_FI");
                    case "DE" -> new ULocale("de_DE");
                    default -> ULocale.ENGLISH;
                };
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
                return format.format(amount).replace('\\u00a0', ' ');
            }
        }
        ''')),
      ("write", JT + "invoice/render/AmountFormatTest.java", d('''
        package se.trackit.invoice.render;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import java.math.BigDecimal;
        import org.junit.jupiter.api.Test;

        class AmountFormatTest {

            @Test
            void germanUsesDotGroupingAndCommaDecimals() {
                assertEquals("2.500,00", AmountFormat.of(new BigDecimal("2500"), "DE"));
            }

            @Test
            void swedishUsesSpaceGrouping() {
                assertEquals("2 500,00", AmountFormat.of(new BigDecimal("2500"), "SE"));
            }
        }
        '''))],
     [exp("dependency", "pom.xml", "<artifactId>icu4j</artifactId>")],
     trace(["se.trackit.invoice.render.AmountFormatTest#germanUsesDotGroupingAndCommaDecimals"],
           ["se.trackit.invoice.render.AmountFormatTest#swedishUsesSpaceGrouping"]),
     passed("se.trackit.invoice.render.AmountFormatTest#germanUsesDotGroupingAndCommaDecimals",
            "se.trackit.invoice.render.AmountFormatTest#swedishUsesSpaceGrouping"),
     "Seeded: com.ibm.icu:icu4j is added to pom.xml and is not on the allowlist (the JDK's NumberFormat would do).")


def tk_template(country, lang, labels, date_pattern):
    entries = "\n".join('        Map.entry("%s", "%s"),' % (k, v) for k, v in labels)
    entries = entries.rstrip(",")
    cls = "InvoiceTemplate" + country
    return cls, d('''
        package se.trackit.invoice.render;

        import java.time.format.DateTimeFormatter;
        import java.util.Map;
        import se.trackit.invoice.Invoice;
        import se.trackit.invoice.InvoiceLine;
        import se.trackit.invoice.VatCalculator;

        /** Invoice text for customers in %(c)s (%(lang)s). */
        public final class %(cls)s implements InvoiceTemplate {
            private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("%(dp)s");
            private static final Map<String, String> LABELS = Map.ofEntries(
        %(entries)s
            );

            private final VatCalculator vat;

            public %(cls)s(VatCalculator vat) {
                this.vat = vat;
            }

            @Override
            public String country() {
                return "%(c)s";
            }

            @Override
            public String label(String key) {
                String label = LABELS.get(key);
                if (label == null) {
                    throw new IllegalArgumentException("no %(lang)s label for " + key);
                }
                return label;
            }

            @Override
            public String render(Invoice invoice) {
                StringBuilder out = new StringBuilder();
                out.append(label("title")).append(' ').append(invoice.number()).append('\\n');
                out.append(label("date")).append(": ").append(DATE.format(invoice.issued())).append('\\n');
                out.append(label("due")).append(": ").append(DATE.format(invoice.due())).append('\\n');
                out.append('\\n');
                out.append(String.format("%%-40s %%8s %%12s%%n", label("description"), label("quantity"),
                        label("unitPrice")));
                for (InvoiceLine line : invoice.lines()) {
                    out.append(String.format("%%-40s %%8d %%12s%%n", line.description(), line.quantity(),
                            AmountFormat.of(line.unitPrice(), "%(c)s")));
                }
                out.append('\\n');
                out.append(label("net")).append(": ").append(AmountFormat.of(invoice.net(), "%(c)s")).append('\\n');
                out.append(label("vat")).append(": ").append(AmountFormat.of(invoice.vat(vat), "%(c)s")).append('\\n');
                out.append(label("total")).append(": ").append(AmountFormat.of(invoice.total(vat), "%(c)s"))
                        .append(' ').append(invoice.currency()).append('\\n');
                out.append('\\n').append(label("footer")).append('\\n');
                return out.toString();
            }
        }
        ''') % {"c": country, "lang": lang, "cls": cls, "dp": date_pattern, "entries": entries}


def tk_template_test(country, cls, title, total_label, n_checks):
    checks = "\n".join('        assertEquals(%s, template.label("%s"));' % (json.dumps(v), k)
                       for k, v in n_checks)
    return d('''
        package se.trackit.invoice.render;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertThrows;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.math.BigDecimal;
        import java.time.LocalDate;
        import org.junit.jupiter.api.Test;
        import se.trackit.invoice.Invoice;
        import se.trackit.invoice.InvoiceLine;
        import se.trackit.invoice.VatCalculator;
        import se.trackit.invoice.VatRate;

        class %(cls)sTest {
            private final %(cls)s template = new %(cls)s(new VatCalculator());

            @Test
            void rendersTitleAndTotal() {
                Invoice invoice = new Invoice("TI-2001", "C-50", LocalDate.of(2026, 5, 4), 14, "EUR")
                        .addLine(new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD));
                String text = template.render(invoice);
                assertTrue(text.startsWith("%(title)s TI-2001"), text);
                assertTrue(text.contains("%(total)s: "), text);
            }

            @Test
            void knowsItsLabels() {
        %(checks)s
            }

            @Test
            void unknownLabelIsAnError() {
                assertThrows(IllegalArgumentException.class, () -> template.label("nonsense"));
            }
        }
        ''') % {"cls": cls, "title": title, "total": total_label, "checks": checks}


TK_LABEL_KEYS = ["title", "date", "due", "description", "quantity", "unitPrice", "net", "vat", "total", "footer",
                 "customerNumber", "orderReference", "yourReference", "ourReference", "paymentTerms", "bankgiro",
                 "iban", "bic", "vatNumber", "reverseCharge", "lateFee", "interest", "page", "of", "phone",
                 "email", "website", "registeredOffice", "companyNumber", "creditNote", "reminder", "amountDue",
                 "alreadyPaid", "balance", "currency", "discount", "shipping", "deliveryDate", "period", "hours"]
TK_DE = ["Rechnung", "Rechnungsdatum", "Fällig am", "Beschreibung", "Menge", "Einzelpreis", "Netto", "MwSt.",
         "Gesamtbetrag", "Vielen Dank für Ihren Auftrag.", "Kundennummer", "Bestellnummer", "Ihr Zeichen",
         "Unser Zeichen", "Zahlungsbedingungen", "Bankgiro", "IBAN", "BIC", "USt-IdNr.", "Steuerschuldnerschaft des Leistungsempfängers",
         "Mahngebühr", "Verzugszinsen", "Seite", "von", "Telefon", "E-Mail", "Webseite", "Sitz der Gesellschaft",
         "Handelsregisternummer", "Gutschrift", "Zahlungserinnerung", "Offener Betrag", "Bereits bezahlt", "Saldo",
         "Währung", "Rabatt", "Versand", "Lieferdatum", "Leistungszeitraum", "Stunden"]
TK_FI = ["Lasku", "Laskun päivämäärä", "Eräpäivä", "Kuvaus", "Määrä", "Yksikköhinta", "Veroton", "ALV",
         "Yhteensä", "Kiitos tilauksestanne.", "Asiakasnumero", "Tilausnumero", "Viitteenne", "Viitteemme",
         "Maksuehdot", "Bankgiro", "IBAN", "BIC", "ALV-tunniste", "Käännetty verovelvollisuus", "Viivästysmaksu",
         "Viivästyskorko", "Sivu", "/", "Puhelin", "Sähköposti", "Verkkosivu", "Kotipaikka", "Y-tunnus",
         "Hyvityslasku", "Maksumuistutus", "Maksettava", "Jo maksettu", "Saldo", "Valuutta", "Alennus", "Toimitus",
         "Toimituspäivä", "Ajanjakso", "Tunnit"]
TK_NO = ["Faktura", "Fakturadato", "Forfallsdato", "Beskrivelse", "Antall", "Enhetspris", "Netto", "MVA",
         "Totalt", "Takk for oppdraget.", "Kundenummer", "Ordrenummer", "Deres referanse", "Vår referanse",
         "Betalingsbetingelser", "Bankgiro", "IBAN", "BIC", "Org.nr. MVA", "Omvendt avgiftsplikt", "Purregebyr",
         "Forsinkelsesrente", "Side", "av", "Telefon", "E-post", "Nettside", "Forretningsadresse",
         "Organisasjonsnummer", "Kreditnota", "Betalingspåminnelse", "Å betale", "Allerede betalt", "Saldo",
         "Valuta", "Rabatt", "Frakt", "Leveringsdato", "Periode", "Timer"]

J9_EDITS = [("write", J + "invoice/render/InvoiceTemplate.java", d('''
    package se.trackit.invoice.render;

    import se.trackit.invoice.Invoice;

    /** The invoice text for one country: labels in the customer's language, local number and date formats. */
    public interface InvoiceTemplate {

        String country();

        String label(String key);

        String render(Invoice invoice);
    }
    '''))]
for c_, lang_, labels_, dp_, total_ in [("DE", "German", TK_DE, "dd.MM.yyyy", "Gesamtbetrag"),
                                         ("FI", "Finnish", TK_FI, "d.M.yyyy", "Yhteensä"),
                                         ("NO", "Norwegian", TK_NO, "dd.MM.yyyy", "Totalt")]:
    pairs = list(zip(TK_LABEL_KEYS, labels_))
    cls_, src_ = tk_template(c_, lang_, pairs, dp_)
    J9_EDITS.append(("write", J + "invoice/render/%s.java" % cls_, src_))
    J9_EDITS.append(("write", JT + "invoice/render/%sTest.java" % cls_,
                     tk_template_test(c_, cls_, labels_[0], total_, pairs[:8])))
case("J9", "trackit",
     ticket("TRACK-66", "Story", "Invoice templates for Germany, Finland and Norway",
            "Customers in DE, FI and NO get invoices in their language with local date and number formats.",
            ["German customers get a German invoice", "Finnish customers get a Finnish invoice",
             "Norwegian customers get a Norwegian invoice"]),
     J9_EDITS,
     [exp("too-large")],
     trace(["se.trackit.invoice.render.InvoiceTemplateDETest#rendersTitleAndTotal"],
           ["se.trackit.invoice.render.InvoiceTemplateFITest#rendersTitleAndTotal"],
           ["se.trackit.invoice.render.InvoiceTemplateNOTest#rendersTitleAndTotal"]),
     passed(*["se.trackit.invoice.render.InvoiceTemplate%sTest#%s" % (c, t) for c in ("DE", "FI", "NO")
              for t in ("rendersTitleAndTotal", "knowsItsLabels", "unknownLabelIsAnError")]),
     "Seeded: three country templates with label tables and their tests in one pull request; the diff is just over "
     "the 400 changed-line limit (no lock files involved). Everything else is clean.")

case("J10", "trackit",
     ticket("TRACK-69", "Story", "Late payment interest on reminders",
            "Under räntelagen we may charge the reference rate plus eight percentage points on overdue amounts.",
            ["Interest is the reference rate plus 8 percentage points per year, on the overdue amount, per day overdue",
             "No interest is charged for invoices paid on or before the due date",
             "The reminder shows the interest as a separate line"]),
     [("write", J + "invoice/LatePaymentInterest.java", d('''
        package se.trackit.invoice;

        import java.math.BigDecimal;
        import java.math.MathContext;
        import java.math.RoundingMode;
        import java.time.LocalDate;
        import java.time.temporal.ChronoUnit;

        /** Dröjsmålsränta: reference rate + 8 percentage points per year, per day overdue. */
        public final class LatePaymentInterest {
            private static final BigDecimal SURCHARGE = new BigDecimal("0.08");
            private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");

            private final BigDecimal referenceRate;

            public LatePaymentInterest(BigDecimal referenceRate) {
                this.referenceRate = referenceRate;
            }

            public BigDecimal on(BigDecimal overdueAmount, LocalDate due, LocalDate paid) {
                long days = ChronoUnit.DAYS.between(due, paid);
                if (days <= 0) {
                    return BigDecimal.ZERO.setScale(2);
                }
                BigDecimal yearly = referenceRate.add(SURCHARGE);
                return overdueAmount.multiply(yearly)
                        .multiply(BigDecimal.valueOf(days))
                        .divide(DAYS_PER_YEAR, MathContext.DECIMAL64)
                        .setScale(2, RoundingMode.HALF_UP);
            }
        }
        ''')),
      ("write", J + "invoice/render/ReminderTextRenderer.java", d('''
        package se.trackit.invoice.render;

        import java.math.BigDecimal;
        import java.time.LocalDate;
        import se.trackit.invoice.Invoice;
        import se.trackit.invoice.LatePaymentInterest;
        import se.trackit.invoice.VatCalculator;

        /** Text of a payment reminder, with late payment interest as its own line. */
        public final class ReminderTextRenderer {
            private final VatCalculator vat;
            private final LatePaymentInterest interest;

            public ReminderTextRenderer(VatCalculator vat, LatePaymentInterest interest) {
                this.vat = vat;
                this.interest = interest;
            }

            public String render(Invoice invoice, LocalDate today) {
                BigDecimal overdue = invoice.total(vat);
                BigDecimal charge = interest.on(overdue, invoice.due(), today);
                return "Reminder for invoice " + invoice.number() + "\\n"
                        + "Amount due:     " + overdue.toPlainString() + " " + invoice.currency() + "\\n"
                        + "Late interest:  " + charge.toPlainString() + " " + invoice.currency() + "\\n"
                        + "To pay:         " + overdue.add(charge).toPlainString() + " " + invoice.currency() + "\\n";
            }
        }
        ''')),
      ("write", JT + "invoice/LatePaymentInterestTest.java", d('''
        package se.trackit.invoice;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import java.math.BigDecimal;
        import java.time.LocalDate;
        import org.junit.jupiter.api.Test;

        class LatePaymentInterestTest {
            private final LatePaymentInterest interest = new LatePaymentInterest(new BigDecimal("0.025"));

            @Test
            void chargesReferenceRatePlusEightPerDay() {
                BigDecimal charge = interest.on(new BigDecimal("10000.00"), LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 5, 1));
                assertEquals(new BigDecimal("86.30"), charge);
            }

            @Test
            void noInterestWhenPaidOnTime() {
                assertEquals(new BigDecimal("0.00"), interest.on(new BigDecimal("10000.00"),
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)));
            }
        }
        '''))],
     [exp("untraced-criterion")],
     [{"criterion": 0, "tests": [TKP + "LatePaymentInterestTest#chargesReferenceRatePlusEightPerDay"]},
      {"criterion": 1, "tests": [TKP + "LatePaymentInterestTest#noInterestWhenPaidOnTime"]}],
     passed(TKP + "LatePaymentInterestTest#chargesReferenceRatePlusEightPerDay",
            TKP + "LatePaymentInterestTest#noInterestWhenPaidOnTime"),
     "Seeded: criterion 2 (the reminder shows interest as a separate line) has no entry in traceability and "
     "ReminderTextRenderer has no test at all.")

case("J11", "trackit",
     ticket("TRACK-72", "Story", "Partial payments",
            "Customers sometimes pay in instalments. Record payments against an invoice and show the balance.",
            ["Each recorded payment reduces the invoice balance", "A payment larger than the balance is rejected"]),
     [("replace", J + "invoice/Invoice.java", "    private final List<InvoiceLine> lines = new ArrayList<>();\n",
       "    private final List<InvoiceLine> lines = new ArrayList<>();\n"
       "    private final List<BigDecimal> payments = new ArrayList<>();\n"),
      ("replace", J + "invoice/Invoice.java",
       "    public boolean isOverdue(LocalDate today) {",
       "    public void pay(BigDecimal amount, VatCalculator calculator) {\n"
       "        if (amount.signum() <= 0) {\n"
       "            throw new IllegalArgumentException(\"payment must be positive: \" + amount);\n"
       "        }\n"
       "        if (amount.compareTo(balance(calculator)) > 0) {\n"
       "            throw new IllegalArgumentException(\"payment \" + amount + \" exceeds balance\");\n"
       "        }\n"
       "        payments.add(amount);\n"
       "    }\n\n"
       "    public BigDecimal balance(VatCalculator calculator) {\n"
       "        BigDecimal paid = payments.stream().reduce(BigDecimal.ZERO, BigDecimal::add);\n"
       "        return total(calculator).subtract(paid);\n"
       "    }\n\n"
       "    public boolean isOverdue(LocalDate today) {"),
      ("replace", JT + "invoice/InvoiceTest.java",
       "import org.junit.jupiter.api.Test;\n", "import org.junit.jupiter.api.Disabled;\nimport org.junit.jupiter.api.Test;\n"),
      ("replace", JT + "invoice/InvoiceTest.java",
       "    @Test\n    void negativePaymentTermIsRejected() {",
       "    @Test\n"
       "    @Disabled(\"TODO: balance scale differs, 1819.20 vs 1819.2\")\n"
       "    void partialPaymentReducesBalance() {\n"
       "        Invoice invoice = invoice();\n"
       "        invoice.pay(new BigDecimal(\"1000\"), calculator);\n"
       "        assertEquals(new BigDecimal(\"1819.20\"), invoice.balance(calculator));\n"
       "    }\n\n"
       "    @Test\n"
       "    void overpaymentIsRejected() {\n"
       "        assertThrows(IllegalArgumentException.class,\n"
       "                () -> invoice().pay(new BigDecimal(\"5000.00\"), calculator));\n"
       "    }\n\n"
       "    @Test\n    void negativePaymentTermIsRejected() {")],
     [exp("test-weakened", JT + "invoice/InvoiceTest.java", "@Disabled(\"TODO"),
      exp("untraced-criterion")],
     trace([TKP + "InvoiceTest#partialPaymentReducesBalance"], [TKP + "InvoiceTest#overpaymentIsRejected"]),
     [{"test": TKP + "InvoiceTest#partialPaymentReducesBalance", "result": "skipped"}] +
     passed(TKP + "InvoiceTest#overpaymentIsRejected"),
     "Seeded, two problems: the new test for criterion 0 is committed @Disabled (test-weakened), and because it was "
     "skipped in CI criterion 0 is not proven (untraced-criterion).")

# ----------------------------------------------------------------- trackit clean cases
case("JC1", "trackit",
     ticket("TRACK-74", "Story", "CLI: list overdue invoices",
            "Support wants `trackit-invoice overdue <export.csv> <date>` to print the overdue invoices of an export.",
            ["`overdue` prints one line per invoice whose due date is before the given date",
             "Wrong arguments print the usage to stderr and exit with status 2"]),
     [("replace", J + "Main.java",
       "        if (args.length != 2 || !args[0].equals(\"summary\")) {\n"
       "            System.err.println(\"usage: trackit-invoice summary <invoices.csv>\");\n"
       "            System.exit(2);\n"
       "        }\n",
       "        if (args.length == 3 && args[0].equals(\"overdue\")) {\n"
       "            overdue(Path.of(args[1]), LocalDate.parse(args[2]));\n"
       "            return;\n"
       "        }\n"
       "        if (args.length != 2 || !args[0].equals(\"summary\")) {\n"
       "            System.err.println(\"usage: trackit-invoice summary <invoices.csv>\");\n"
       "            System.err.println(\"       trackit-invoice overdue <invoices.csv> <yyyy-mm-dd>\");\n"
       "            System.exit(2);\n"
       "        }\n"),
      ("replace", J + "Main.java",
       "        System.out.printf(\"%-20s %12s%n\", \"TOTAL\", summary.total().toPlainString());\n    }\n",
       "        System.out.printf(\"%-20s %12s%n\", \"TOTAL\", summary.total().toPlainString());\n    }\n\n"
       "    /** Rows are number;customer;amount;due; prints those due before {@code today}. */\n"
       "    static void overdue(Path export, LocalDate today) throws IOException {\n"
       "        List<String> rows = Files.readAllLines(export);\n"
       "        for (String row : rows.subList(1, rows.size())) {\n"
       "            String[] cells = row.split(\";\");\n"
       "            LocalDate due = LocalDate.parse(cells[3].trim());\n"
       "            if (due.isBefore(today)) {\n"
       "                System.out.printf(\"%-10s %-20s %12s due %s%n\", cells[0].trim(), cells[1].trim(),\n"
       "                        cells[2].trim(), due);\n"
       "            }\n"
       "        }\n"
       "    }\n"),
      ("replace", J + "Main.java", "import java.nio.file.Path;\n", "import java.nio.file.Path;\nimport java.time.LocalDate;\n"),
      ("write", JT + "MainTest.java", d('''
        package se.trackit;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import java.io.ByteArrayOutputStream;
        import java.io.PrintStream;
        import java.nio.charset.StandardCharsets;
        import java.nio.file.Files;
        import java.nio.file.Path;
        import java.time.LocalDate;
        import org.junit.jupiter.api.AfterEach;
        import org.junit.jupiter.api.Test;
        import org.junit.jupiter.api.io.TempDir;

        class MainTest {
            private final PrintStream original = System.out;

            @AfterEach
            void restore() {
                System.setOut(original);
            }

            @Test
            void printsOnlyInvoicesDueBeforeTheDate(@TempDir Path dir) throws Exception {
                Path export = dir.resolve("export.csv");
                Files.writeString(export, "number;customer;amount;due\\n"
                        + "TI-1;Acme AB;100.00;2026-03-01\\n"
                        + "TI-2;Beta AB;200.00;2026-04-01\\n");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                Main.overdue(export, LocalDate.of(2026, 3, 15));
                assertEquals(String.format("%-10s %-20s %12s due %s%n", "TI-1", "Acme AB", "100.00", "2026-03-01"),
                        out.toString(StandardCharsets.UTF_8));
            }
        }
        ''')),
      ("write", JT + "MainUsageTest.java", d('''
        package se.trackit;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.nio.file.Path;
        import org.junit.jupiter.api.Test;

        class MainUsageTest {

            @Test
            void wrongArgumentsExitWithTwo() throws Exception {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "overdue")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                String err = new String(p.getErrorStream().readAllBytes());
                assertEquals(2, p.waitFor());
                assertTrue(err.contains("trackit-invoice overdue"), err);
            }
        }
        '''))],
     [],
     trace(["se.trackit.MainTest#printsOnlyInvoicesDueBeforeTheDate"], ["se.trackit.MainUsageTest#wrongArgumentsExitWithTwo"]),
     passed("se.trackit.MainTest#printsOnlyInvoicesDueBeforeTheDate", "se.trackit.MainUsageTest#wrongArgumentsExitWithTwo"),
     "Clean: System.out/System.err in the CLI entry point (Main) is the command's output, and the test swaps "
     "System.out on purpose to check that output. Neither is a debug leftover.")

case("JC2", "trackit",
     ticket("TRACK-75", "Task", "Use AssertJ for BigDecimal assertions in VAT tests",
            "assertEquals on BigDecimal compares scale too, which made two tests fail for 500.0 vs 500.00. Use AssertJ's "
            "isEqualByComparingTo.",
            ["VatCalculatorTest compares amounts by value, not by scale"]),
     [("replace", "pom.xml",
       "      <version>${junit.version}</version>\n      <scope>test</scope>\n    </dependency>\n",
       "      <version>${junit.version}</version>\n      <scope>test</scope>\n    </dependency>\n"
       "    <dependency>\n      <groupId>org.assertj</groupId>\n      <artifactId>assertj-core</artifactId>\n"
       "      <version>3.26.3</version>\n      <scope>test</scope>\n    </dependency>\n"),
      ("write", JT + "invoice/VatCalculatorTest.java", d('''
        package se.trackit.invoice;

        import static org.assertj.core.api.Assertions.assertThat;

        import java.math.BigDecimal;
        import org.junit.jupiter.api.Test;

        class VatCalculatorTest {
            private final VatCalculator calculator = new VatCalculator();

            @Test
            void standardRateIsTwentyFivePercent() {
                InvoiceLine line = new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD);
                assertThat(calculator.vatFor(line)).isEqualByComparingTo("500.00");
            }

            @Test
            void foodIsTaxedAtReducedRate() {
                InvoiceLine line = new InvoiceLine("Lunch", 3, new BigDecimal("95.00"), VatRate.REDUCED);
                assertThat(calculator.vatFor(line)).isEqualByComparingTo("34.20");
            }

            @Test
            void roundsHalfUpToOre() {
                InvoiceLine line = new InvoiceLine("Booklet", 1, new BigDecimal("10.10"), VatRate.LOW);
                assertThat(calculator.vatFor(line)).isEqualByComparingTo("0.61");
            }

            @Test
            void exemptLinesHaveNoVat() {
                InvoiceLine line = new InvoiceLine("Course fee", 1, new BigDecimal("4500.00"), VatRate.EXEMPT);
                assertThat(calculator.vatFor(line)).isZero();
            }
        }
        '''))],
     [],
     trace([TKP + "VatCalculatorTest#standardRateIsTwentyFivePercent", TKP + "VatCalculatorTest#foodIsTaxedAtReducedRate",
            TKP + "VatCalculatorTest#roundsHalfUpToOre", TKP + "VatCalculatorTest#exemptLinesHaveNoVat"]),
     passed(TKP + "VatCalculatorTest#standardRateIsTwentyFivePercent", TKP + "VatCalculatorTest#foodIsTaxedAtReducedRate",
            TKP + "VatCalculatorTest#roundsHalfUpToOre", TKP + "VatCalculatorTest#exemptLinesHaveNoVat"),
     "Clean: org.assertj:assertj-core is on the allowlist (test scope); every assertEquals became an equally strict "
     "AssertJ assertion with the same expected values (isZero() for 0.00).")

case("JC3", "trackit",
     ticket("TRACK-77", "Task", "Split InvoiceTest by concern",
            "InvoiceTest mixes totals and due-date rules. Rename it to InvoiceTotalsTest and move the due-date tests "
            "to InvoiceDueDateTest, unchanged.",
            ["Totals tests live in InvoiceTotalsTest and due-date tests in InvoiceDueDateTest, with the same assertions"]),
     [("rename", JT + "invoice/InvoiceTest.java", JT + "invoice/InvoiceTotalsTest.java"),
      ("replace", JT + "invoice/InvoiceTotalsTest.java", "class InvoiceTest {", "class InvoiceTotalsTest {"),
      ("replace", JT + "invoice/InvoiceTotalsTest.java",
       "    @Test\n    void dueDateFollowsPaymentTerm() {\n"
       "        assertEquals(LocalDate.of(2026, 4, 1), invoice().due());\n    }\n\n"
       "    @Test\n    void overdueOnlyAfterDueDate() {\n"
       "        assertFalse(invoice().isOverdue(LocalDate.of(2026, 4, 1)));\n"
       "        assertTrue(invoice().isOverdue(LocalDate.of(2026, 4, 2)));\n    }\n\n"
       "    @Test\n    void negativePaymentTermIsRejected() {\n"
       "        assertThrows(IllegalArgumentException.class,\n"
       "                () -> new Invoice(\"TI-1002\", \"C-17\", ISSUED, -1, \"SEK\"));\n    }\n", ""),
      ("replace", JT + "invoice/InvoiceTotalsTest.java",
       "        assertEquals(new BigDecimal(\"2819.20\"), invoice().total(calculator));\n    }\n\n",
       "        assertEquals(new BigDecimal(\"2819.20\"), invoice().total(calculator));\n    }\n"),
      ("replace", JT + "invoice/InvoiceTotalsTest.java",
       "import static org.junit.jupiter.api.Assertions.assertFalse;\n"
       "import static org.junit.jupiter.api.Assertions.assertThrows;\n"
       "import static org.junit.jupiter.api.Assertions.assertTrue;\n", ""),
      ("write", JT + "invoice/InvoiceDueDateTest.java", d('''
        package se.trackit.invoice;

        import static org.junit.jupiter.api.Assertions.assertEquals;
        import static org.junit.jupiter.api.Assertions.assertFalse;
        import static org.junit.jupiter.api.Assertions.assertThrows;
        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.time.LocalDate;
        import org.junit.jupiter.api.Test;

        class InvoiceDueDateTest {
            private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

            private Invoice invoice() {
                return new Invoice("TI-1001", "C-17", ISSUED, 30, "SEK");
            }

            @Test
            void dueDateFollowsPaymentTerm() {
                assertEquals(LocalDate.of(2026, 4, 1), invoice().due());
            }

            @Test
            void overdueOnlyAfterDueDate() {
                assertFalse(invoice().isOverdue(LocalDate.of(2026, 4, 1)));
                assertTrue(invoice().isOverdue(LocalDate.of(2026, 4, 2)));
            }

            @Test
            void negativePaymentTermIsRejected() {
                assertThrows(IllegalArgumentException.class,
                        () -> new Invoice("TI-1002", "C-17", ISSUED, -1, "SEK"));
            }
        }
        '''))],
     [],
     trace([TKP + "InvoiceTotalsTest#netIsSumOfLines", TKP + "InvoiceTotalsTest#vatIsAddedPerLine",
            TKP + "InvoiceTotalsTest#totalIsNetPlusVat", TKP + "InvoiceDueDateTest#dueDateFollowsPaymentTerm",
            TKP + "InvoiceDueDateTest#overdueOnlyAfterDueDate", TKP + "InvoiceDueDateTest#negativePaymentTermIsRejected"]),
     passed(TKP + "InvoiceTotalsTest#netIsSumOfLines", TKP + "InvoiceTotalsTest#vatIsAddedPerLine",
            TKP + "InvoiceTotalsTest#totalIsNetPlusVat", TKP + "InvoiceDueDateTest#dueDateFollowsPaymentTerm",
            TKP + "InvoiceDueDateTest#overdueOnlyAfterDueDate", TKP + "InvoiceDueDateTest#negativePaymentTermIsRejected"),
     "Clean: InvoiceTest is renamed and split: git pairs the rename with InvoiceDueDateTest (similarity 59%), so the "
     "totals tests show up as removed there and re-added verbatim in the new InvoiceTotalsTest. No assertion is lost.")

case("JC4", "trackit",
     ticket("TRACK-79", "Story", "Send invoices as HTML and drop the plain-text renderer",
            "Customers' mail clients mangle the monospaced text invoice. Send HTML; the text renderer is no longer used.",
            ["Invoice mails carry an HTML table of the lines and the total",
             "Descriptions are HTML-escaped"]),
     [("delete", J + "invoice/render/InvoiceTextRenderer.java"),
      ("delete", JT + "invoice/render/InvoiceTextRendererTest.java"),
      ("write", J + "invoice/render/InvoiceHtmlRenderer.java", d('''
        package se.trackit.invoice.render;

        import se.trackit.invoice.Invoice;
        import se.trackit.invoice.InvoiceLine;
        import se.trackit.invoice.VatCalculator;

        /** Renders an invoice as a small HTML document for the e-mail body. */
        public final class InvoiceHtmlRenderer {
            private final VatCalculator vat;

            public InvoiceHtmlRenderer(VatCalculator vat) {
                this.vat = vat;
            }

            public String render(Invoice invoice) {
                StringBuilder out = new StringBuilder("<html><body>");
                out.append("<h1>Invoice ").append(escape(invoice.number())).append("</h1><table>");
                for (InvoiceLine line : invoice.lines()) {
                    out.append("<tr><td>").append(escape(line.description())).append("</td><td>")
                            .append(line.quantity()).append("</td><td>")
                            .append(line.unitPrice().toPlainString()).append("</td></tr>");
                }
                out.append("</table><p>Total: ").append(invoice.total(vat).toPlainString()).append(' ')
                        .append(escape(invoice.currency())).append("</p></body></html>");
                return out.toString();
            }

            static String escape(String s) {
                return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\"", "&quot;");
            }
        }
        ''')),
      ("write", JT + "invoice/render/InvoiceHtmlRendererTest.java", d('''
        package se.trackit.invoice.render;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.math.BigDecimal;
        import java.time.LocalDate;
        import org.junit.jupiter.api.Test;
        import se.trackit.invoice.Invoice;
        import se.trackit.invoice.InvoiceLine;
        import se.trackit.invoice.VatCalculator;
        import se.trackit.invoice.VatRate;

        class InvoiceHtmlRendererTest {
            private final InvoiceHtmlRenderer renderer = new InvoiceHtmlRenderer(new VatCalculator());

            @Test
            void rendersLinesAndTotal() {
                Invoice invoice = new Invoice("TI-1001", "C-17", LocalDate.of(2026, 3, 2), 30, "SEK")
                        .addLine(new InvoiceLine("Consulting", 2, new BigDecimal("1000.00"), VatRate.STANDARD));
                String html = renderer.render(invoice);
                assertTrue(html.contains("<td>Consulting</td><td>2</td><td>1000.00</td>"), html);
                assertTrue(html.contains("<p>Total: 2500.00 SEK</p>"), html);
            }

            @Test
            void escapesDescriptions() {
                Invoice invoice = new Invoice("TI-1002", "C-17", LocalDate.of(2026, 3, 2), 30, "SEK")
                        .addLine(new InvoiceLine("<b>R&D</b>", 1, new BigDecimal("10.00"), VatRate.STANDARD));
                assertTrue(renderer.render(invoice).contains("&lt;b&gt;R&amp;D&lt;/b&gt;"));
            }
        }
        ''')),
      ("replace", J + "invoice/InvoiceService.java", "import se.trackit.invoice.render.InvoiceTextRenderer;",
       "import se.trackit.invoice.render.InvoiceHtmlRenderer;"),
      ("replace", J + "invoice/InvoiceService.java", "new InvoiceTextRenderer(vat).render(invoice)",
       "new InvoiceHtmlRenderer(vat).render(invoice)")],
     [],
     trace(["se.trackit.invoice.render.InvoiceHtmlRendererTest#rendersLinesAndTotal"],
           ["se.trackit.invoice.render.InvoiceHtmlRendererTest#escapesDescriptions"]),
     passed("se.trackit.invoice.render.InvoiceHtmlRendererTest#rendersLinesAndTotal",
            "se.trackit.invoice.render.InvoiceHtmlRendererTest#escapesDescriptions",
            TKP + "InvoiceServiceTest#sendsInvoiceToCustomerEmail"),
     "Clean: InvoiceTextRendererTest is deleted together with InvoiceTextRenderer, the code it tested; the "
     "replacement renderer has its own tests.")

case("JC5", "trackit",
     ticket("TRACK-80", "Story", "Dunning: list customers with overdue invoices",
            "The dunning job needs the customers that have at least one overdue invoice, with debug logging so "
            "operations can follow a run.",
            ["customersWithOverdue returns exactly the customers with a sent invoice past its due date"]),
     [("replace", J + "invoice/InvoiceService.java",
       "    public List<Invoice> overdue(String customerId) {",
       "    public List<String> customersWithOverdue(List<String> customerIds) {\n"
       "        List<String> result = customerIds.stream().filter(id -> !overdue(id).isEmpty()).toList();\n"
       "        LOG.debug(\"dunning: {} of {} customers have overdue invoices\", result.size(), customerIds.size());\n"
       "        return result;\n"
       "    }\n\n"
       "    public List<Invoice> overdue(String customerId) {"),
      ("replace", JT + "invoice/InvoiceServiceTest.java",
       "        assertEquals(List.of(), service.overdue(\"C-17\"));\n    }\n",
       "        assertEquals(List.of(), service.overdue(\"C-17\"));\n    }\n\n"
       "    @Test\n"
       "    void listsCustomersWithOverdueInvoices() {\n"
       "        service.draft(\"TI-1001\", \"C-17\",\n"
       "                List.of(new InvoiceLine(\"Consulting\", 1, new BigDecimal(\"800.00\"), VatRate.STANDARD)));\n"
       "        service.send(\"TI-1001\");\n"
       "        InvoiceService later = new InvoiceService(invoices, id -> ACME, mailer, new VatCalculator(),\n"
       "                Clock.fixed(Instant.parse(\"2026-05-01T09:00:00Z\"), ZoneOffset.UTC));\n"
       "        assertEquals(List.of(\"C-17\"), later.customersWithOverdue(List.of(\"C-17\", \"C-99\")));\n"
       "    }\n"),
      ("replace", JT + "invoice/InvoiceServiceTest.java",
       "    private InvoiceService service;\n",
       "    private static final Customer ACME =\n"
       "            new Customer(\"C-17\", \"Acme AB\", \"ap@acme.example\", \"SEK\", 30, \"SE\", \"SE556677889901\");\n"
       "    private InvoiceService service;\n"),
      ("replace", JT + "invoice/InvoiceServiceTest.java",
       "        Customer acme = new Customer(\"C-17\", \"Acme AB\", \"ap@acme.example\", \"SEK\", 30, \"SE\", \"SE556677889901\");\n"
       "        service = new InvoiceService(invoices, id -> acme, mailer, new VatCalculator(), clock);\n",
       "        service = new InvoiceService(invoices, id -> ACME, mailer, new VatCalculator(), clock);\n")],
     [],
     trace([TKP + "InvoiceServiceTest#listsCustomersWithOverdueInvoices"]),
     passed(TKP + "InvoiceServiceTest#listsCustomersWithOverdueInvoices", TKP + "InvoiceServiceTest#sendsInvoiceToCustomerEmail",
            TKP + "InvoiceServiceTest#cannotSendTwice", TKP + "InvoiceServiceTest#paidInvoicesAreNotOverdue"),
     "Clean: LOG.debug through the class's SLF4J logger is proper logging, not a debug leftover. The test "
     "refactor hoists the customer into a constant and keeps every assertion.")

case("JC6", "trackit",
     ticket("TRACK-81", "Bug", "Upgrade jackson-databind",
            "Dependabot flags jackson-databind 2.17.2. Move to 2.18.1.",
            ["The build uses jackson-databind 2.18.1 and all tests pass"]),
     [("replace", "pom.xml", "<jackson.version>2.17.2</jackson.version>", "<jackson.version>2.18.1</jackson.version>")],
     [],
     trace([TKP + "InvoiceServiceTest#sendsInvoiceToCustomerEmail", TKP + "InvoiceTest#totalIsNetPlusVat"]),
     passed(TKP + "InvoiceServiceTest#sendsInvoiceToCustomerEmail", TKP + "InvoiceTest#totalIsNetPlusVat",
            TKP + "VatCalculatorTest#roundsHalfUpToOre"),
     "Clean: a version bump of an allowlisted dependency (com.fasterxml.jackson.core:jackson-databind) through a "
     "Maven property.")
# ---------------------------------------------------------------------------------------------
# Project "shelfie": bookshelf web API, TypeScript / Node / npm (express, zod, pg, jest)
# ---------------------------------------------------------------------------------------------
SHELFIE_ALLOW = ["express", "zod", "pg", "typescript", "jest", "ts-jest", "@types/express", "@types/jest",
                 "@types/pg", "@types/node", "supertest", "@types/supertest", "date-fns"]


def npm_lock(name, version, deps, dev_deps, packages, seed):
    """A package-lock.json (lockfileVersion 3). packages: {name: (version, {dep: range}, dev)}"""
    r = random.Random(seed)
    root = {"name": name, "version": version, "license": "UNLICENSED"}
    if deps:
        root["dependencies"] = dict(sorted(deps.items()))
    if dev_deps:
        root["devDependencies"] = dict(sorted(dev_deps.items()))
    out = {"name": name, "version": version, "lockfileVersion": 3, "requires": True, "packages": {"": root}}
    for pname in sorted(packages):
        ver, pdeps, dev = packages[pname]
        r2 = random.Random(seed + pname + ver)
        short = pname.split("/")[-1]
        entry = {"version": ver,
                 "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz" % (pname, short, ver),
                 "integrity": sri(r2)}
        if dev:
            entry["dev"] = True
        if pdeps:
            entry["dependencies"] = dict(sorted(pdeps.items()))
        entry["license"] = "MIT"
        out["packages"]["node_modules/" + pname] = entry
    return json.dumps(out, indent=2) + "\n"


SHELFIE_PKGS = {
    "express": ("4.19.2", {"accepts": "~1.3.8", "body-parser": "1.20.2", "cookie": "0.6.0", "debug": "2.6.9",
                           "finalhandler": "1.2.0", "qs": "6.11.0", "send": "0.18.0", "serve-static": "1.15.0",
                           "type-is": "~1.6.18"}, False),
    "accepts": ("1.3.8", {"mime-types": "~2.1.34", "negotiator": "0.6.3"}, False),
    "body-parser": ("1.20.2", {"bytes": "3.1.2", "debug": "2.6.9", "qs": "6.11.0", "raw-body": "2.5.2",
                               "type-is": "~1.6.18"}, False),
    "bytes": ("3.1.2", {}, False),
    "cookie": ("0.6.0", {}, False),
    "debug": ("2.6.9", {"ms": "2.0.0"}, False),
    "ms": ("2.0.0", {}, False),
    "finalhandler": ("1.2.0", {"debug": "2.6.9"}, False),
    "qs": ("6.11.0", {"side-channel": "^1.0.4"}, False),
    "side-channel": ("1.0.6", {}, False),
    "send": ("0.18.0", {"debug": "2.6.9", "mime": "1.6.0", "ms": "2.1.3"}, False),
    "mime": ("1.6.0", {}, False),
    "serve-static": ("1.15.0", {"send": "0.18.0"}, False),
    "type-is": ("1.6.18", {"media-typer": "0.3.0", "mime-types": "~2.1.24"}, False),
    "media-typer": ("0.3.0", {}, False),
    "mime-types": ("2.1.35", {"mime-db": "1.52.0"}, False),
    "mime-db": ("1.52.0", {}, False),
    "negotiator": ("0.6.3", {}, False),
    "raw-body": ("2.5.2", {"bytes": "3.1.2"}, False),
    "zod": ("3.23.8", {}, False),
    "pg": ("8.12.0", {"pg-connection-string": "^2.6.4", "pg-pool": "^3.6.2", "pg-protocol": "^1.6.1",
                      "pg-types": "^2.1.0"}, False),
    "pg-connection-string": ("2.6.4", {}, False),
    "pg-pool": ("3.6.2", {}, False),
    "pg-protocol": ("1.6.1", {}, False),
    "pg-types": ("2.2.0", {"postgres-array": "~2.0.0", "postgres-date": "~1.0.4"}, False),
    "postgres-array": ("2.0.0", {}, False),
    "postgres-date": ("1.0.7", {}, False),
    "typescript": ("5.5.4", {}, True),
    "jest": ("29.7.0", {"@jest/core": "^29.7.0", "jest-cli": "^29.7.0"}, True),
    "@jest/core": ("29.7.0", {"jest-config": "^29.7.0", "jest-runner": "^29.7.0"}, True),
    "jest-cli": ("29.7.0", {"@jest/core": "^29.7.0"}, True),
    "jest-config": ("29.7.0", {}, True),
    "jest-runner": ("29.7.0", {}, True),
    "ts-jest": ("29.2.4", {"bs-logger": "0.x", "json5": "^2.2.3", "semver": "^7.5.3"}, True),
    "bs-logger": ("0.2.6", {}, True),
    "json5": ("2.2.3", {}, True),
    "semver": ("7.6.3", {}, True),
    "@types/express": ("4.17.21", {"@types/express-serve-static-core": "^4.17.33"}, True),
    "@types/express-serve-static-core": ("4.19.5", {"@types/node": "*"}, True),
    "@types/jest": ("29.5.12", {}, True),
    "@types/node": ("20.14.15", {"undici-types": "~5.26.4"}, True),
    "undici-types": ("5.26.5", {}, True),
    "@types/pg": ("8.11.6", {"@types/node": "*"}, True),
}
SHELFIE_DEPS = {"express": "^4.19.2", "pg": "^8.12.0", "zod": "^3.23.8"}
SHELFIE_DEV = {"@types/express": "^4.17.21", "@types/jest": "^29.5.12", "@types/node": "^20.14.15",
               "@types/pg": "^8.11.6", "jest": "^29.7.0", "ts-jest": "^29.2.4", "typescript": "^5.5.4"}


def shelfie_package_json(deps=None, dev=None, scripts=None):
    deps = dict(sorted((deps or SHELFIE_DEPS).items()))
    dev = dict(sorted((dev or SHELFIE_DEV).items()))
    doc = {"name": "shelfie", "version": "0.9.0", "private": True, "description": "Bookshelf API",
           "main": "dist/server.js",
           "scripts": scripts or {"build": "tsc -p tsconfig.json", "start": "node dist/server.js",
                                  "test": "jest --coverage", "lint": "tsc --noEmit"},
           "engines": {"node": ">=20"}, "dependencies": deps, "devDependencies": dev}
    return json.dumps(doc, indent=2) + "\n"


def shelfie_lock(extra_pkgs=None, deps=None, dev=None, overrides=None):
    pk = dict(SHELFIE_PKGS)
    pk.update(extra_pkgs or {})
    pk.update(overrides or {})
    return npm_lock("shelfie", "0.9.0", deps or SHELFIE_DEPS, dev or SHELFIE_DEV, pk, "shelfie")


SH_JEST = d('''
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  collectCoverageFrom: ['src/**/*.ts', '!src/server.ts'],
  coverageThreshold: {
    global: {
      branches: 80,
      functions: 85,
      lines: 85,
      statements: 85,
    },
  },
};
''')

SH_TSCONFIG = d('''
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "outDir": "dist",
    "rootDir": "src",
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": true
  },
  "include": ["src"]
}
''')

SH_CONFIG = d('''
export interface Config {
  port: number;
  databaseUrl: string;
  pageSize: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`PORT must be a positive integer, got ${env.PORT}`);
  }
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is required');
  }
  return { port, databaseUrl, pageSize: Number(env.PAGE_SIZE ?? 20) };
}
''')

SH_POOL = d('''
import { Pool } from 'pg';
import { Config } from '../config';

export function createPool(config: Config): Pool {
  return new Pool({
    connectionString: config.databaseUrl,
    max: 10,
    idleTimeoutMillis: 30_000,
  });
}
''')

SH_ISBN = d('''
/** ISBN-10 and ISBN-13 validation and normalisation. */

export function normalizeIsbn(raw: string): string {
  return raw.replace(/[\\s-]/g, '').toUpperCase();
}

export function isValidIsbn13(isbn: string): boolean {
  if (!/^\\d{13}$/.test(isbn)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    sum += Number(isbn[i]) * (i % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10 === Number(isbn[12]);
}

export function isValidIsbn10(isbn: string): boolean {
  if (!/^\\d{9}[\\dX]$/.test(isbn)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = isbn[i] === 'X' ? 10 : Number(isbn[i]);
    sum += digit * (10 - i);
  }
  return sum % 11 === 0;
}

export function isValidIsbn(raw: string): boolean {
  const isbn = normalizeIsbn(raw);
  return isbn.length === 10 ? isValidIsbn10(isbn) : isValidIsbn13(isbn);
}
''')

SH_BOOKREPO = d('''
export interface Book {
  id: number;
  isbn: string;
  title: string;
  author: string;
  year: number | null;
}

export interface BookRepository {
  insert(book: Omit<Book, 'id'>): Promise<Book>;
  findById(id: number): Promise<Book | undefined>;
  list(offset: number, limit: number): Promise<Book[]>;
  count(): Promise<number>;
}

/** In-memory repository, used by tests and the demo mode. */
export class MemoryBookRepository implements BookRepository {
  private books: Book[] = [];
  private nextId = 1;

  async insert(book: Omit<Book, 'id'>): Promise<Book> {
    const stored = { ...book, id: this.nextId++ };
    this.books.push(stored);
    return stored;
  }

  async findById(id: number): Promise<Book | undefined> {
    return this.books.find((b) => b.id === id);
  }

  async list(offset: number, limit: number): Promise<Book[]> {
    return this.books.slice(offset, offset + limit);
  }

  async count(): Promise<number> {
    return this.books.length;
  }
}
''')

SH_BOOKSVC = d('''
import { z } from 'zod';
import { Book, BookRepository } from './bookRepository';
import { isValidIsbn, normalizeIsbn } from './isbn';

export const NewBook = z.object({
  isbn: z.string().refine(isValidIsbn, 'not a valid ISBN'),
  title: z.string().min(1).max(300),
  author: z.string().min(1).max(200),
  year: z.number().int().min(1450).max(2100).nullable().default(null),
});

export type NewBook = z.infer<typeof NewBook>;

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}

export class BookService {
  constructor(private readonly books: BookRepository) {}

  async add(input: unknown): Promise<Book> {
    const book = NewBook.parse(input);
    return this.books.insert({ ...book, isbn: normalizeIsbn(book.isbn) });
  }

  async get(id: number): Promise<Book | undefined> {
    return this.books.findById(id);
  }

  async page(offset: number, limit: number): Promise<Page<Book>> {
    const [items, total] = await Promise.all([this.books.list(offset, limit), this.books.count()]);
    return { items, total, offset };
  }
}
''')

SH_SHELFSVC = d('''
export interface Shelf {
  id: number;
  owner: string;
  name: string;
  bookIds: number[];
}

export class ShelfService {
  private shelves = new Map<number, Shelf>();
  private nextId = 1;

  create(owner: string, name: string): Shelf {
    const trimmed = name.trim();
    if (trimmed.length === 0) {
      throw new Error('shelf name must not be empty');
    }
    const shelf = { id: this.nextId++, owner, name: trimmed, bookIds: [] };
    this.shelves.set(shelf.id, shelf);
    return shelf;
  }

  addBook(shelfId: number, bookId: number): Shelf {
    const shelf = this.require(shelfId);
    if (!shelf.bookIds.includes(bookId)) {
      shelf.bookIds.push(bookId);
    }
    return shelf;
  }

  removeBook(shelfId: number, bookId: number): Shelf {
    const shelf = this.require(shelfId);
    shelf.bookIds = shelf.bookIds.filter((id) => id !== bookId);
    return shelf;
  }

  ofOwner(owner: string): Shelf[] {
    return [...this.shelves.values()].filter((s) => s.owner === owner);
  }

  private require(id: number): Shelf {
    const shelf = this.shelves.get(id);
    if (!shelf) {
      throw new Error(`no shelf ${id}`);
    }
    return shelf;
  }
}
''')

SH_ROUTE_BOOKS = d('''
import { Router } from 'express';
import { ZodError } from 'zod';
import { BookService } from '../books/bookService';

export function bookRoutes(books: BookService, pageSize: number): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const offset = Math.max(0, Number(req.query.offset ?? 0) || 0);
    res.json(await books.page(offset, pageSize));
  });

  router.get('/:id', async (req, res) => {
    const book = await books.get(Number(req.params.id));
    if (!book) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(book);
  });

  router.post('/', async (req, res) => {
    try {
      res.status(201).json(await books.add(req.body));
    } catch (e) {
      if (e instanceof ZodError) {
        res.status(400).json({ error: 'invalid book', issues: e.issues });
        return;
      }
      throw e;
    }
  });

  return router;
}
''')

SH_ROUTE_SHELVES = d('''
import { Router } from 'express';
import { ShelfService } from '../shelves/shelfService';

export function shelfRoutes(shelves: ShelfService): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const owner = String(req.header('x-user') ?? '');
    res.json(shelves.ofOwner(owner));
  });

  router.post('/', (req, res) => {
    const owner = String(req.header('x-user') ?? '');
    try {
      res.status(201).json(shelves.create(owner, String(req.body?.name ?? '')));
    } catch (e) {
      res.status(400).json({ error: (e as Error).message });
    }
  });

  router.put('/:id/books/:bookId', (req, res) => {
    res.json(shelves.addBook(Number(req.params.id), Number(req.params.bookId)));
  });

  return router;
}
''')

SH_APP = d('''
import express from 'express';
import { BookRepository } from './books/bookRepository';
import { BookService } from './books/bookService';
import { bookRoutes } from './routes/books';
import { shelfRoutes } from './routes/shelves';
import { ShelfService } from './shelves/shelfService';

export function createApp(books: BookRepository, shelves: ShelfService, pageSize = 20) {
  const app = express();
  app.use(express.json({ limit: '100kb' }));
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.use('/books', bookRoutes(new BookService(books), pageSize));
  app.use('/shelves', shelfRoutes(shelves));
  return app;
}
''')

SH_SERVER = d('''
import { createApp } from './app';
import { loadConfig } from './config';
import { MemoryBookRepository } from './books/bookRepository';
import { ShelfService } from './shelves/shelfService';

const config = loadConfig();
const app = createApp(new MemoryBookRepository(), new ShelfService(), config.pageSize);
app.listen(config.port, () => {
  process.stdout.write(`shelfie listening on :${config.port}\\n`);
});
''')

SH_T_ISBN = d('''
import { isValidIsbn, isValidIsbn10, isValidIsbn13, normalizeIsbn } from '../src/books/isbn';

describe('isbn', () => {
  it('normalizes spaces and dashes', () => {
    expect(normalizeIsbn('978-0 14 044913-6')).toBe('9780140449136');
  });

  it('accepts a valid ISBN-13', () => {
    expect(isValidIsbn13('9780140449136')).toBe(true);
  });

  it('rejects an ISBN-13 with a wrong check digit', () => {
    expect(isValidIsbn13('9780140449137')).toBe(false);
  });

  it('accepts a valid ISBN-10 with X check digit', () => {
    expect(isValidIsbn10('080442957X')).toBe(true);
  });

  it('dispatches on length', () => {
    expect(isValidIsbn('0-14-044913-0')).toBe(false);
    expect(isValidIsbn('978-0-14-044913-6')).toBe(true);
  });
});
''')

SH_T_BOOKS = d('''
import { MemoryBookRepository } from '../src/books/bookRepository';
import { BookService } from '../src/books/bookService';

describe('BookService', () => {
  let service: BookService;

  beforeEach(() => {
    service = new BookService(new MemoryBookRepository());
  });

  it('stores a valid book with a normalized isbn', async () => {
    const book = await service.add({ isbn: '978-0-14-044913-6', title: 'The Odyssey', author: 'Homer', year: 1996 });
    expect(book).toEqual({ id: 1, isbn: '9780140449136', title: 'The Odyssey', author: 'Homer', year: 1996 });
  });

  it('rejects an invalid isbn', async () => {
    await expect(service.add({ isbn: '123', title: 'X', author: 'Y' })).rejects.toThrow('not a valid ISBN');
  });

  it('pages through books', async () => {
    for (const title of ['A', 'B', 'C']) {
      await service.add({ isbn: '9780140449136', title, author: 'Anon' });
    }
    const page = await service.page(1, 2);
    expect(page.items.map((b) => b.title)).toEqual(['B', 'C']);
    expect(page.total).toBe(3);
  });
});
''')

SH_T_SHELVES = d('''
import { ShelfService } from '../src/shelves/shelfService';

describe('ShelfService', () => {
  it('creates a shelf with a trimmed name', () => {
    const shelves = new ShelfService();
    expect(shelves.create('ana', '  To read ')).toEqual({ id: 1, owner: 'ana', name: 'To read', bookIds: [] });
  });

  it('rejects an empty name', () => {
    expect(() => new ShelfService().create('ana', '   ')).toThrow('shelf name must not be empty');
  });

  it('adds a book only once', () => {
    const shelves = new ShelfService();
    const shelf = shelves.create('ana', 'Favourites');
    shelves.addBook(shelf.id, 7);
    shelves.addBook(shelf.id, 7);
    expect(shelves.addBook(shelf.id, 9).bookIds).toEqual([7, 9]);
  });

  it('lists only the owner\\'s shelves', () => {
    const shelves = new ShelfService();
    shelves.create('ana', 'A');
    shelves.create('bo', 'B');
    expect(shelves.ofOwner('ana').map((s) => s.name)).toEqual(['A']);
  });
});
''')

SH_CI = d('''
name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [20]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${{ matrix.node }}
          cache: npm
      - run: npm ci
      - run: npm run lint
      - run: npm test
''')

SH_TF = d('''
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "eu-north-1"
}

resource "aws_db_instance" "shelfie" {
  identifier              = "shelfie-prod"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  backup_retention_period = 14
  deletion_protection     = true
  skip_final_snapshot     = false
  username                = "shelfie"
  manage_master_user_password = true
}

resource "aws_s3_bucket" "covers" {
  bucket = "shelfie-covers-prod"
}
''')

SH_README = d('''
# shelfie

Bookshelf API: books (by ISBN) and personal shelves.

    npm ci
    npm test          # jest with coverage thresholds
    DATABASE_URL=postgres://localhost/shelfie npm start
''')

project("shelfie", "javascript", "npm", SHELFIE_ALLOW, {
    "package.json": shelfie_package_json(),
    "package-lock.json": shelfie_lock(),
    "jest.config.js": SH_JEST,
    "tsconfig.json": SH_TSCONFIG,
    "README.md": SH_README,
    ".github/workflows/ci.yml": SH_CI,
    "infra/terraform/main.tf": SH_TF,
    "src/app.ts": SH_APP,
    "src/server.ts": SH_SERVER,
    "src/config.ts": SH_CONFIG,
    "src/db/pool.ts": SH_POOL,
    "src/books/isbn.ts": SH_ISBN,
    "src/books/bookRepository.ts": SH_BOOKREPO,
    "src/books/bookService.ts": SH_BOOKSVC,
    "src/shelves/shelfService.ts": SH_SHELFSVC,
    "src/routes/books.ts": SH_ROUTE_BOOKS,
    "src/routes/shelves.ts": SH_ROUTE_SHELVES,
    "test/isbn.test.ts": SH_T_ISBN,
    "test/bookService.test.ts": SH_T_BOOKS,
    "test/shelfService.test.ts": SH_T_SHELVES,
})
# ----------------------------------------------------------------- shelfie cases
def jt(file, *names):
    return "test/%s > %s" % (file, " > ".join(names))


case("T1", "shelfie",
     ticket("SHELF-21", "Story", "Search books by author",
            "Readers want to find all books by an author: GET /books?author=tolkien, case-insensitive substring match.",
            ["GET /books?author=<text> returns the books whose author contains the text, ignoring case"]),
     [("replace", "src/books/bookRepository.ts", "  count(): Promise<number>;\n}",
       "  count(): Promise<number>;\n  byAuthor(text: string): Promise<Book[]>;\n}"),
      ("replace", "src/books/bookRepository.ts",
       "  async count(): Promise<number> {\n    return this.books.length;\n  }\n",
       "  async count(): Promise<number> {\n    return this.books.length;\n  }\n\n"
       "  async byAuthor(text: string): Promise<Book[]> {\n"
       "    const needle = text.toLocaleLowerCase();\n"
       "    return this.books.filter((b) => b.author.toLocaleLowerCase().includes(needle));\n"
       "  }\n"),
      ("replace", "src/books/bookService.ts",
       "  async page(offset: number, limit: number): Promise<Page<Book>> {",
       "  async byAuthor(text: string): Promise<Book[]> {\n    return this.books.byAuthor(text.trim());\n  }\n\n"
       "  async page(offset: number, limit: number): Promise<Page<Book>> {"),
      ("replace", "src/routes/books.ts",
       "  router.get('/', async (req, res) => {\n",
       "  router.get('/', async (req, res) => {\n"
       "    if (typeof req.query.author === 'string' && req.query.author.trim() !== '') {\n"
       "      res.json({ items: await books.byAuthor(req.query.author) });\n"
       "      return;\n"
       "    }\n"),
      ("replace", "test/bookService.test.ts", "  it('rejects an invalid isbn', async () => {",
       "  it.skip('rejects an invalid isbn', async () => {"),
      ("replace", "test/bookService.test.ts", "    expect(page.total).toBe(3);\n  });\n",
       "    expect(page.total).toBe(3);\n  });\n\n"
       "  it('finds books by author ignoring case', async () => {\n"
       "    await service.add({ isbn: '9780140449136', title: 'The Odyssey', author: 'Homer' });\n"
       "    await service.add({ isbn: '9780261103573', title: 'The Fellowship of the Ring', author: 'J. R. R. Tolkien' });\n"
       "    const found = await service.byAuthor('TOLKIEN');\n"
       "    expect(found.map((b) => b.title)).toEqual(['The Fellowship of the Ring']);\n"
       "  });\n")],
     [exp("test-weakened", "test/bookService.test.ts", "it.skip('rejects an invalid isbn'")],
     trace([jt("bookService.test.ts", "BookService", "finds books by author ignoring case")]),
     passed(jt("bookService.test.ts", "BookService", "finds books by author ignoring case"),
            jt("bookService.test.ts", "BookService", "pages through books")) +
     [{"test": jt("bookService.test.ts", "BookService", "rejects an invalid isbn"), "result": "skipped"}],
     "Seeded: an unrelated existing validation test is switched to it.skip in a search story.")

case("T2", "shelfie",
     ticket("SHELF-23", "Bug", "Accept ISBNs typed with Unicode dashes",
            "Pasting an ISBN from a web page often brings U+2010/U+2013 dashes, which we reject.",
            ["ISBNs with Unicode hyphens (U+2010 to U+2015) are normalized like ASCII dashes"]),
     [("replace", "src/books/isbn.ts", "  return raw.replace(/[\\s-]/g, '').toUpperCase();",
       "  return raw.replace(/[\\s\\-\\u2010-\\u2015]/g, '').toUpperCase();"),
      ("replace", "test/isbn.test.ts", "    expect(normalizeIsbn('978-0 14 044913-6')).toBe('9780140449136');\n  });\n",
       "    expect(normalizeIsbn('978-0 14 044913-6')).toBe('9780140449136');\n  });\n\n"
       "  it('normalizes unicode dashes', () => {\n"
       "    expect(normalizeIsbn('978\\u20130\\u201014\\u2011044913\\u20146')).toBe('9780140449136');\n"
       "  });\n"),
      ("replace", "jest.config.js", "      branches: 80,\n      functions: 85,\n      lines: 85,\n      statements: 85,",
       "      branches: 60,\n      functions: 85,\n      lines: 70,\n      statements: 70,")],
     [exp("test-weakened", "jest.config.js", "branches: 60")],
     trace([jt("isbn.test.ts", "isbn", "normalizes unicode dashes")]),
     passed(jt("isbn.test.ts", "isbn", "normalizes unicode dashes"), jt("isbn.test.ts", "isbn", "normalizes spaces and dashes")),
     "Seeded: jest coverageThreshold lowered (branches 80->60, lines/statements 85->70) inside a one-line bug fix. "
     "One finding on jest.config.js; the expected line is the branches line, the lines/statements lines are the same problem.")

case("T3", "shelfie",
     ticket("SHELF-25", "Task", "Separate script for integration tests",
            "Integration tests that start the HTTP server should run with `npm run test:integration`, apart from the unit tests.",
            ["`npm run test:integration` runs the tests under test/integration against a server on an ephemeral port"]),
     [("replace", "package.json", '"test": "jest --coverage",',
       '"test": "jest --coverage --passWithNoTests",\n    "test:integration": "jest --config jest.integration.config.js",'),
      ("write", "jest.integration.config.js", d('''
        /** @type {import('jest').Config} */
        module.exports = {
          preset: 'ts-jest',
          testEnvironment: 'node',
          roots: ['<rootDir>/test/integration'],
        };
        ''')),
      ("replace", "jest.config.js", "  roots: ['<rootDir>/test'],\n",
       "  roots: ['<rootDir>/test'],\n  testPathIgnorePatterns: ['/test/integration/'],\n"),
      ("write", "test/integration/health.test.ts", d('''
        import { AddressInfo } from 'net';
        import { Server } from 'http';
        import { createApp } from '../../src/app';
        import { MemoryBookRepository } from '../../src/books/bookRepository';
        import { ShelfService } from '../../src/shelves/shelfService';

        describe('server', () => {
          let server: Server;
          let base: string;

          beforeAll((done) => {
            server = createApp(new MemoryBookRepository(), new ShelfService()).listen(0, () => {
              base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
              done();
            });
          });

          afterAll((done) => {
            server.close(done);
          });

          it('answers /health', async () => {
            const res = await fetch(`${base}/health`);
            expect(res.status).toBe(200);
            expect(await res.json()).toEqual({ status: 'ok' });
          });
        });
        '''))],
     [exp("test-weakened", "package.json", "--passWithNoTests")],
     trace(["test/integration/health.test.ts > server > answers /health"]),
     passed("test/integration/health.test.ts > server > answers /health"),
     "Seeded: the main `npm test` script gains --passWithNoTests, so a misconfigured roots/ignore pattern would "
     "turn the unit suite green with zero tests. The new integration script itself is fine.")

case("T4", "shelfie",
     ticket("SHELF-27", "Story", "Validate shelf names",
            "Shelf names are free text today. Limit them to 1-80 characters and answer 400 with the zod issues otherwise.",
            ["POST /shelves with an empty or longer than 80 character name answers 400 with the validation issues"]),
     [("replace", "src/routes/shelves.ts", "import { Router } from 'express';\n",
       "import { Router } from 'express';\nimport { z } from 'zod';\n"),
      ("replace", "src/routes/shelves.ts", "export function shelfRoutes(",
       "const NewShelf = z.object({ name: z.string().trim().min(1).max(80) });\n\nexport function shelfRoutes("),
      ("replace", "src/routes/shelves.ts",
       "    const owner = String(req.header('x-user') ?? '');\n    try {\n"
       "      res.status(201).json(shelves.create(owner, String(req.body?.name ?? '')));\n"
       "    } catch (e) {\n      res.status(400).json({ error: (e as Error).message });\n    }\n",
       "    const owner = String(req.header('x-user') ?? '');\n"
       "    console.log('create shelf', owner, req.body);\n"
       "    const parsed = NewShelf.safeParse(req.body);\n"
       "    if (!parsed.success) {\n"
       "      res.status(400).json({ error: 'invalid shelf', issues: parsed.error.issues });\n"
       "      return;\n"
       "    }\n"
       "    res.status(201).json(shelves.create(owner, parsed.data.name));\n"),
      ("write", "test/shelfRoutes.test.ts", d('''
        import { AddressInfo } from 'net';
        import { Server } from 'http';
        import { createApp } from '../src/app';
        import { MemoryBookRepository } from '../src/books/bookRepository';
        import { ShelfService } from '../src/shelves/shelfService';

        describe('POST /shelves', () => {
          let server: Server;
          let base: string;

          beforeAll((done) => {
            server = createApp(new MemoryBookRepository(), new ShelfService()).listen(0, () => {
              base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
              done();
            });
          });

          afterAll((done) => server.close(done));

          const post = (name: unknown) =>
            fetch(`${base}/shelves`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-user': 'ana' },
              body: JSON.stringify({ name }),
            });

          it('rejects an overlong name with 400', async () => {
            const res = await post('x'.repeat(81));
            expect(res.status).toBe(400);
            expect((await res.json()).issues[0].code).toBe('too_big');
          });

          it('rejects an empty name with 400', async () => {
            expect((await post('   ')).status).toBe(400);
          });
        });
        '''))],
     [exp("debug-leftover", "src/routes/shelves.ts", "console.log('create shelf'")],
     trace([jt("shelfRoutes.test.ts", "POST /shelves", "rejects an overlong name with 400"),
            jt("shelfRoutes.test.ts", "POST /shelves", "rejects an empty name with 400")]),
     passed(jt("shelfRoutes.test.ts", "POST /shelves", "rejects an overlong name with 400"),
            jt("shelfRoutes.test.ts", "POST /shelves", "rejects an empty name with 400")),
     "Seeded: console.log of the request body in a production route handler (also logs user input).")

case("T5", "shelfie",
     ticket("SHELF-29", "Story", "Paginate a reader's shelves",
            "Power users have hundreds of shelves. GET /shelves returns pages of 20 with the total.",
            ["ofOwner returns at most `limit` shelves starting at `offset`, and the total count"]),
     [("replace", "src/shelves/shelfService.ts",
       "  ofOwner(owner: string): Shelf[] {\n    return [...this.shelves.values()].filter((s) => s.owner === owner);\n  }\n",
       "  ofOwner(owner: string, offset = 0, limit = 20): { items: Shelf[]; total: number } {\n"
       "    const all = [...this.shelves.values()].filter((s) => s.owner === owner);\n"
       "    debugger;\n"
       "    return { items: all.slice(offset, offset + limit), total: all.length };\n"
       "  }\n"),
      ("replace", "src/routes/shelves.ts", "    res.json(shelves.ofOwner(owner));\n",
       "    const offset = Math.max(0, Number(req.query.offset ?? 0) || 0);\n"
       "    res.json(shelves.ofOwner(owner, offset, 20));\n"),
      ("replace", "test/shelfService.test.ts",
       "    expect(shelves.ofOwner('ana').map((s) => s.name)).toEqual(['A']);\n  });\n",
       "    expect(shelves.ofOwner('ana').items).toBeTruthy();\n  });\n\n"
       "  it('pages shelves', () => {\n"
       "    const shelves = new ShelfService();\n"
       "    for (let i = 0; i < 25; i++) {\n"
       "      shelves.create('ana', `Shelf ${i}`);\n"
       "    }\n"
       "    const page = shelves.ofOwner('ana', 20, 20);\n"
       "    expect(page.items.map((s) => s.name)).toEqual(['Shelf 20', 'Shelf 21', 'Shelf 22', 'Shelf 23', 'Shelf 24']);\n"
       "    expect(page.total).toBe(25);\n"
       "  });\n")],
     [exp("debug-leftover", "src/shelves/shelfService.ts", "debugger;"),
      exp("test-weakened", "test/shelfService.test.ts", "expect(shelves.ofOwner('ana').items).toBeTruthy();")],
     trace([jt("shelfService.test.ts", "ShelfService", "pages shelves")]),
     passed(jt("shelfService.test.ts", "ShelfService", "pages shelves"),
            jt("shelfService.test.ts", "ShelfService", "lists only the owner's shelves")),
     "Seeded, two problems: a `debugger;` statement in the service, and the owner-filter test loosened from "
     "toEqual(['A']) to toBeTruthy() (an empty array is truthy, so the test can no longer fail).")

T6_R = rng_for("T6")
T6_AKID = "AKIA" + rand_chars(T6_R, 16, string.ascii_uppercase + "234567")
T6_SECRET = rand_chars(T6_R, 40, string.ascii_letters + string.digits + "+/")
case("T6", "shelfie",
     ticket("SHELF-31", "Story", "Upload book covers to S3",
            "Covers are uploaded by the browser straight to S3 with a presigned PUT URL that the API hands out.",
            ["POST /books/:id/cover-url returns a presigned PUT URL for covers/<isbn>.jpg valid for 5 minutes"]),
     [("write", "src/storage/s3.ts", d('''
        import { createHash, createHmac } from 'crypto';

        export const s3 = {
          region: 'eu-north-1',
          bucket: 'shelfie-covers-prod',
          accessKeyId: '%s',
          secretAccessKey: '%s',
        };

        const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

        /** AWS Signature V4 query-string presigning for a single PUT. */
        export function presignPut(key: string, expiresSeconds: number, now = new Date()): string {
          const host = `${s3.bucket}.s3.${s3.region}.amazonaws.com`;
          const amzDate = now.toISOString().replace(/[:-]|\\.\\d{3}/g, '');
          const day = amzDate.slice(0, 8);
          const scope = `${day}/${s3.region}/s3/aws4_request`;
          const query = new URLSearchParams({
            'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
            'X-Amz-Credential': `${s3.accessKeyId}/${scope}`,
            'X-Amz-Date': amzDate,
            'X-Amz-Expires': String(expiresSeconds),
            'X-Amz-SignedHeaders': 'host',
          });
          query.sort();
          const canonical = ['PUT', `/${key}`, query.toString(), `host:${host}\\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\\n');
          const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\\n');
          let signingKey = hmac(`AWS4${s3.secretAccessKey}`, day);
          for (const part of [s3.region, 's3', 'aws4_request']) {
            signingKey = hmac(signingKey, part);
          }
          const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
          return `https://${host}/${key}?${query.toString()}&X-Amz-Signature=${signature}`;
        }
        ''') % (T6_AKID, T6_SECRET)),
      ("replace", "src/routes/books.ts", "import { BookService } from '../books/bookService';\n",
       "import { BookService } from '../books/bookService';\nimport { presignPut } from '../storage/s3';\n"),
      ("replace", "src/routes/books.ts", "  return router;\n",
       "  router.post('/:id/cover-url', async (req, res) => {\n"
       "    const book = await books.get(Number(req.params.id));\n"
       "    if (!book) {\n"
       "      res.status(404).json({ error: 'not found' });\n"
       "      return;\n"
       "    }\n"
       "    res.json({ url: presignPut(`covers/${book.isbn}.jpg`, 300) });\n"
       "  });\n\n"
       "  return router;\n"),
      ("write", "test/s3.test.ts", d('''
        import { presignPut } from '../src/storage/s3';

        describe('presignPut', () => {
          it('signs a PUT for the cover key valid for 5 minutes', () => {
            const url = new URL(presignPut('covers/9780140449136.jpg', 300, new Date('2026-01-02T03:04:05Z')));
            expect(url.pathname).toBe('/covers/9780140449136.jpg');
            expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
            expect(url.searchParams.get('X-Amz-Date')).toBe('20260102T030405Z');
            expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
          });
        });
        '''))],
     [exp("secret", "src/storage/s3.ts", "accessKeyId: 'AKIA"),
      exp("secret", "src/storage/s3.ts", "secretAccessKey: '")],
     trace([jt("s3.test.ts", "presignPut", "signs a PUT for the cover key valid for 5 minutes")]),
     passed(jt("s3.test.ts", "presignPut", "signs a PUT for the cover key valid for 5 minutes")),
     "Seeded: an AWS access key id (AKIA + 16, random, fake) and a 40-character secret access key hard-coded in "
     "src/storage/s3.ts. Two findings of one category (two lines); one finding covering both is acceptable.")

T7_LOCK_EXTRA = {"lodash": ("4.17.21", {}, False)}
T7_DEPS = dict(SHELFIE_DEPS, lodash="^4.17.21")
case("T7", "shelfie",
     ticket("SHELF-33", "Story", "Sort shelves naturally",
            "Shelves named 'Shelf 2' and 'Shelf 10' sort wrong. Sort shelf lists by name, numbers compared as numbers.",
            ["Shelves are listed in natural order of their names ('Shelf 2' before 'Shelf 10')"]),
     [("replace", "package.json", shelfie_package_json(), shelfie_package_json(deps=T7_DEPS)),
      ("replace", "package-lock.json", shelfie_lock(), shelfie_lock(T7_LOCK_EXTRA, deps=T7_DEPS)),
      ("replace", "src/shelves/shelfService.ts", "export interface Shelf {",
       "import orderBy from 'lodash/orderBy';\n\nexport interface Shelf {"),
      ("replace", "src/shelves/shelfService.ts",
       "    return [...this.shelves.values()].filter((s) => s.owner === owner);",
       "    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });\n"
       "    const mine = [...this.shelves.values()].filter((s) => s.owner === owner);\n"
       "    return orderBy(mine, [(s) => s.name], ['asc']).sort((a, b) => collator.compare(a.name, b.name));"),
      ("replace", "test/shelfService.test.ts", "  it('rejects an empty name', () => {",
       "  it('lists shelves in natural order', () => {\n"
       "    const shelves = new ShelfService();\n"
       "    ['Shelf 10', 'Shelf 2', 'shelf 1'].forEach((name) => shelves.create('ana', name));\n"
       "    expect(shelves.ofOwner('ana').map((s) => s.name)).toEqual(['shelf 1', 'Shelf 2', 'Shelf 10']);\n"
       "  });\n\n"
       "  it('rejects an empty name', () => {")],
     [exp("dependency", "package.json", '"lodash": "^4.17.21"')],
     trace([jt("shelfService.test.ts", "ShelfService", "lists shelves in natural order")]),
     passed(jt("shelfService.test.ts", "ShelfService", "lists shelves in natural order")),
     "Seeded: lodash is added to dependencies and is not on the allowlist (and is not even needed: Intl.Collator "
     "does the work). The package-lock.json entry is the lock file; the finding is on package.json.")

case("T8", "shelfie",
     ticket("SHELF-35", "Story", "Reading progress per book",
            "Readers record the page they are on; shelves show the percentage read.",
            ["Recording page p of n stores round(100*p/n) percent for that book on the shelf",
             "A page beyond the last page is rejected"]),
     [("replace", "src/shelves/shelfService.ts", "  bookIds: number[];\n}",
       "  bookIds: number[];\n  progress?: Record<number, number>;\n}"),
      ("replace", "src/shelves/shelfService.ts", "  ofOwner(owner: string): Shelf[] {",
       "  recordProgress(shelfId: number, bookId: number, page: number, pages: number): number {\n"
       "    const shelf = this.require(shelfId);\n"
       "    if (!shelf.bookIds.includes(bookId)) {\n"
       "      throw new Error(`book ${bookId} is not on shelf ${shelfId}`);\n"
       "    }\n"
       "    if (page < 0 || pages <= 0 || page > pages) {\n"
       "      throw new Error(`page ${page} is outside 0..${pages}`);\n"
       "    }\n"
       "    const percent = Math.round((100 * page) / pages);\n"
       "    shelf.progress = { ...shelf.progress, [bookId]: percent };\n"
       "    return percent;\n"
       "  }\n\n"
       "  ofOwner(owner: string): Shelf[] {"),
      ("replace", "test/shelfService.test.ts", "  it('rejects an empty name', () => {",
       "  it('records reading progress as a percentage', () => {\n"
       "    const shelves = new ShelfService();\n"
       "    const shelf = shelves.create('ana', 'Reading');\n"
       "    shelves.addBook(shelf.id, 7);\n"
       "    expect(shelves.recordProgress(shelf.id, 7, 120, 360)).toBe(33);\n"
       "  });\n\n"
       "  it('rejects a page beyond the last', () => {\n"
       "    const shelves = new ShelfService();\n"
       "    const shelf = shelves.create('ana', 'Reading');\n"
       "    shelves.addBook(shelf.id, 7);\n"
       "    expect(() => shelves.recordProgress(shelf.id, 7, 361, 360)).toThrow('outside');\n"
       "  });\n\n"
       "  it('rejects an empty name', () => {"),
      ("replace", "infra/terraform/main.tf", '  instance_class          = "db.t4g.medium"',
       '  instance_class          = "db.t4g.small"'),
      ("replace", "infra/terraform/main.tf", "  backup_retention_period = 14", "  backup_retention_period = 3")],
     [exp("out-of-scope", "infra/terraform/main.tf", '"db.t4g.small"')],
     trace([jt("shelfService.test.ts", "ShelfService", "records reading progress as a percentage")],
           [jt("shelfService.test.ts", "ShelfService", "rejects a page beyond the last")]),
     passed(jt("shelfService.test.ts", "ShelfService", "records reading progress as a percentage"),
            jt("shelfService.test.ts", "ShelfService", "rejects a page beyond the last")),
     "Seeded: a reading-progress story also downsizes the production database and cuts backup retention in "
     "infra/terraform/main.tf. One finding for the file; the expected line is the instance_class line.")


def goodreads_fixture(n, seed):
    r = random.Random(seed)
    adj = ["Silent", "Hidden", "Last", "Northern", "Broken", "Golden", "Lost", "Quiet", "Winter", "Iron", "Paper",
           "Salt", "Glass", "Burning", "Distant", "Little"]
    noun = ["River", "Garden", "Lighthouse", "Orchard", "Kingdom", "Archive", "Harbour", "Forest", "Map", "Station",
            "Library", "Island", "Letters", "Bridge", "Winter", "Clock"]
    first = ["Anna", "Jonas", "Maria", "Tove", "Erik", "Selma", "Karl", "Ingrid", "Oskar", "Lina", "Nils", "Greta"]
    last = ["Lind", "Berg", "Holm", "Strand", "Nyberg", "Ek", "Sandberg", "Falk", "Lund", "Dahl", "Wik", "Sjöberg"]
    shelves = ["read", "to-read", "currently-reading"]
    rows = ["Book Id,Title,Author,ISBN,ISBN13,My Rating,Average Rating,Publisher,Number of Pages,"
            "Year Published,Date Read,Date Added,Exclusive Shelf,Bookshelves"]
    for i in range(n):
        isbn12 = "978" + "".join(str(r.randrange(10)) for _ in range(9))
        s = sum(int(c) * (1 if k % 2 == 0 else 3) for k, c in enumerate(isbn12))
        isbn13 = isbn12 + str((10 - s % 10) % 10)
        title = "The %s %s" % (r.choice(adj), r.choice(noun))
        author = "%s %s" % (r.choice(first), r.choice(last))
        shelf = r.choice(shelves)
        year = r.randrange(1950, 2025)
        read = "%d/%02d/%02d" % (r.randrange(2019, 2026), r.randrange(1, 13), r.randrange(1, 29)) if shelf == "read" else ""
        extra = r.choice(["", "favourites", "book-club", "nordic-noir"])
        rows.append('%d,"%s",%s,"=""""","=""%s""",%d,%.2f,%s,%d,%d,%s,%d/%02d/%02d,%s,"%s"' % (
            10000 + r.randrange(9000000), title, author, isbn13, r.randrange(0, 6) if shelf == "read" else 0,
            3 + r.random() * 2, r.choice(["Bonnier", "Norstedts", "Penguin", "Vintage", "Faber"]),
            r.randrange(120, 700), year, read, r.randrange(2018, 2026), r.randrange(1, 13), r.randrange(1, 29),
            shelf, extra))
    return "\n".join(rows) + "\n"


T9_EDITS = [
    ("write", "src/import/csv.ts", d('''
        /** Minimal RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF line ends. */
        export function parseCsv(text: string): string[][] {
          const rows: string[][] = [];
          let row: string[] = [];
          let field = '';
          let quoted = false;
          for (let i = 0; i < text.length; i++) {
            const c = text[i];
            if (quoted) {
              if (c === '"') {
                if (text[i + 1] === '"') {
                  field += '"';
                  i++;
                } else {
                  quoted = false;
                }
              } else {
                field += c;
              }
              continue;
            }
            switch (c) {
              case '"':
                quoted = true;
                break;
              case ',':
                row.push(field);
                field = '';
                break;
              case '\\r':
                break;
              case '\\n':
                row.push(field);
                rows.push(row);
                row = [];
                field = '';
                break;
              default:
                field += c;
            }
          }
          if (quoted) {
            throw new Error('unterminated quoted field');
          }
          if (field !== '' || row.length > 0) {
            row.push(field);
            rows.push(row);
          }
          return rows;
        }

        export function toRecords(rows: string[][]): Record<string, string>[] {
          const [header, ...body] = rows;
          if (!header) {
            return [];
          }
          return body
            .filter((cells) => cells.some((c) => c.trim() !== ''))
            .map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), (cells[i] ?? '').trim()])));
        }
        ''')),
    ("write", "src/import/goodreads.ts", d('''
        import { BookService } from '../books/bookService';
        import { isValidIsbn } from '../books/isbn';
        import { ShelfService } from '../shelves/shelfService';
        import { parseCsv, toRecords } from './csv';

        export interface GoodreadsRow {
          title: string;
          author: string;
          isbn: string | null;
          year: number | null;
          shelf: string;
          extraShelves: string[];
          rating: number | null;
        }

        export interface ImportReport {
          imported: number;
          skipped: { line: number; reason: string }[];
          shelves: Record<string, number>;
        }

        const REQUIRED = ['Title', 'Author', 'ISBN13', 'Exclusive Shelf'];

        /** Goodreads exports wrap ISBNs as ="9780140449136" so spreadsheets keep leading zeros. */
        export function unwrapIsbn(raw: string): string | null {
          const value = raw.replace(/^="?/, '').replace(/"?$/, '').trim();
          return value === '' ? null : value;
        }

        export function toRow(record: Record<string, string>): GoodreadsRow {
          for (const column of REQUIRED) {
            if (!(column in record)) {
              throw new Error(`missing column ${column}`);
            }
          }
          const isbn = unwrapIsbn(record['ISBN13']) ?? unwrapIsbn(record['ISBN'] ?? '');
          const year = Number(record['Year Published']);
          const rating = Number(record['My Rating']);
          return {
            title: record['Title'],
            author: record['Author'],
            isbn,
            year: Number.isInteger(year) && year > 0 ? year : null,
            shelf: record['Exclusive Shelf'] || 'to-read',
            extraShelves: (record['Bookshelves'] ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '' && s !== record['Exclusive Shelf']),
            rating: rating >= 1 && rating <= 5 ? rating : null,
          };
        }

        export function shelfTitle(goodreadsShelf: string): string {
          switch (goodreadsShelf) {
            case 'to-read':
              return 'Want to read';
            case 'currently-reading':
              return 'Reading';
            case 'read':
              return 'Read';
            default:
              return goodreadsShelf
                .split('-')
                .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
                .join(' ');
          }
        }

        export class GoodreadsImport {
          constructor(
            private readonly books: BookService,
            private readonly shelves: ShelfService,
          ) {}

          async run(owner: string, csv: string): Promise<ImportReport> {
            const records = toRecords(parseCsv(csv));
            const report: ImportReport = { imported: 0, skipped: [], shelves: {} };
            const shelfIds = new Map<string, number>();
            const shelfFor = (name: string) => {
              const title = shelfTitle(name);
              let id = shelfIds.get(title);
              if (id === undefined) {
                id = this.shelves.create(owner, title).id;
                shelfIds.set(title, id);
              }
              report.shelves[title] = (report.shelves[title] ?? 0) + 1;
              return id;
            };
            for (const [index, record] of records.entries()) {
              const line = index + 2;
              let row: GoodreadsRow;
              try {
                row = toRow(record);
              } catch (e) {
                report.skipped.push({ line, reason: (e as Error).message });
                continue;
              }
              if (!row.isbn || !isValidIsbn(row.isbn)) {
                report.skipped.push({ line, reason: 'no valid ISBN' });
                continue;
              }
              const book = await this.books.add({ isbn: row.isbn, title: row.title, author: row.author, year: row.year });
              this.shelves.addBook(shelfFor(row.shelf), book.id);
              for (const extra of row.extraShelves) {
                this.shelves.addBook(shelfFor(extra), book.id);
              }
              report.imported++;
            }
            return report;
          }
        }
        ''')),
    ("write", "test/fixtures/goodreads_library_export.csv", goodreads_fixture(172, "T9")),
    ("write", "test/csv.test.ts", d('''
        import { parseCsv, toRecords } from '../src/import/csv';

        describe('parseCsv', () => {
          it('splits plain fields', () => {
            expect(parseCsv('a,b,c\\n1,2,3\\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
          });

          it('keeps commas inside quotes', () => {
            expect(parseCsv('"Dune, part one",Herbert\\n')).toEqual([['Dune, part one', 'Herbert']]);
          });

          it('unescapes doubled quotes', () => {
            expect(parseCsv('"say ""hi""",x\\n')).toEqual([['say "hi"', 'x']]);
          });

          it('handles CRLF', () => {
            expect(parseCsv('a,b\\r\\n1,2\\r\\n')).toEqual([['a', 'b'], ['1', '2']]);
          });

          it('reads a last line without newline', () => {
            expect(parseCsv('a\\n1')).toEqual([['a'], ['1']]);
          });

          it('rejects an unterminated quote', () => {
            expect(() => parseCsv('"open,1\\n')).toThrow('unterminated');
          });
        });

        describe('toRecords', () => {
          it('maps rows to header names and drops blank rows', () => {
            expect(toRecords([['Title', 'Author'], ['Dune', 'Herbert'], ['', '']])).toEqual([
              { Title: 'Dune', Author: 'Herbert' },
            ]);
          });
        });
        ''')),
    ("write", "test/goodreads.test.ts", d('''
        import { readFileSync } from 'fs';
        import { join } from 'path';
        import { MemoryBookRepository } from '../src/books/bookRepository';
        import { BookService } from '../src/books/bookService';
        import { GoodreadsImport, shelfTitle, toRow, unwrapIsbn } from '../src/import/goodreads';
        import { ShelfService } from '../src/shelves/shelfService';

        const fixture = readFileSync(join(__dirname, 'fixtures', 'goodreads_library_export.csv'), 'utf8');

        describe('goodreads import', () => {
          it('unwraps spreadsheet-quoted ISBNs', () => {
            expect(unwrapIsbn('="9780140449136"')).toBe('9780140449136');
            expect(unwrapIsbn('=""')).toBeNull();
          });

          it('maps exclusive shelves to shelf titles', () => {
            expect(shelfTitle('to-read')).toBe('Want to read');
            expect(shelfTitle('currently-reading')).toBe('Reading');
            expect(shelfTitle('nordic-noir')).toBe('Nordic Noir');
          });

          it('reads a row', () => {
            const row = toRow({
              Title: 'The Odyssey',
              Author: 'Homer',
              ISBN: '=""',
              ISBN13: '="9780140449136"',
              'Exclusive Shelf': 'read',
              Bookshelves: 'read, favourites',
              'My Rating': '5',
              'Year Published': '1996',
            });
            expect(row).toEqual({
              title: 'The Odyssey',
              author: 'Homer',
              isbn: '9780140449136',
              year: 1996,
              shelf: 'read',
              extraShelves: ['favourites'],
              rating: 5,
            });
          });

          it('rejects a file without the required columns', () => {
            expect(() => toRow({ Title: 'x' })).toThrow('missing column Author');
          });

          it('imports the whole export', async () => {
            const books = new MemoryBookRepository();
            const shelves = new ShelfService();
            const report = await new GoodreadsImport(new BookService(books), shelves).run('ana', fixture);
            expect(report.skipped).toEqual([]);
            expect(report.imported).toBe(172);
            expect(await books.count()).toBe(172);
            expect(shelves.ofOwner('ana').map((s) => s.name)).toEqual(
              expect.arrayContaining(['Read', 'Want to read', 'Reading']),
            );
          });

          it('skips rows without a valid ISBN and reports the line', async () => {
            const csv = 'Title,Author,ISBN,ISBN13,Exclusive Shelf\\n"No isbn",Anon,"=""""","=""""",read\\n';
            const report = await new GoodreadsImport(new BookService(new MemoryBookRepository()), new ShelfService()).run(
              'ana',
              csv,
            );
            expect(report.skipped).toEqual([{ line: 2, reason: 'no valid ISBN' }]);
          });
        });
        ''')),
]
case("T9", "shelfie",
     ticket("SHELF-37", "Story", "Import a Goodreads library export",
            "New users bring their Goodreads CSV export; import the books and map Goodreads shelves to shelfie shelves.",
            ["All rows with a valid ISBN are imported as books", "Goodreads shelves become shelfie shelves",
             "Rows without a valid ISBN are skipped and reported with their line number"]),
     T9_EDITS,
     [exp("too-large")],
     trace([jt("goodreads.test.ts", "goodreads import", "imports the whole export")],
           [jt("goodreads.test.ts", "goodreads import", "maps exclusive shelves to shelf titles")],
           [jt("goodreads.test.ts", "goodreads import", "skips rows without a valid ISBN and reports the line")]),
     passed(jt("goodreads.test.ts", "goodreads import", "imports the whole export"),
            jt("goodreads.test.ts", "goodreads import", "maps exclusive shelves to shelf titles"),
            jt("goodreads.test.ts", "goodreads import", "skips rows without a valid ISBN and reports the line"),
            jt("csv.test.ts", "parseCsv", "keeps commas inside quotes")),
     "Seeded: a CSV reader, the importer, a 173-line fixture export and tests in one pull request: well over "
     "400 changed lines. The fixture is test data, not a lock file, so it counts.")

T10_TESTS = [jt("shareLinks.test.ts", "ShareLinks", "creates a read-only link for the owner"),
             jt("shareLinks.test.ts", "ShareLinks", "expires links after 30 days")]
case("T10", "shelfie",
     ticket("SHELF-39", "Story", "Share a shelf with a link",
            "Owners can create a read-only link to a shelf to send to friends. Links expire after 30 days.",
            ["The owner can create a read-only share link for a shelf", "A share link stops working 30 days after creation"]),
     [("write", "src/shelves/shareLinks.ts", d('''
        import { randomBytes } from 'crypto';
        import { ShelfService } from './shelfService';

        const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

        interface Link {
          shelfId: number;
          created: number;
        }

        export class ShareLinks {
          private links = new Map<string, Link>();

          constructor(
            private readonly shelves: ShelfService,
            private readonly now: () => number = Date.now,
          ) {}

          create(owner: string, shelfId: number): string {
            if (!this.shelves.ofOwner(owner).some((s) => s.id === shelfId)) {
              throw new Error(`shelf ${shelfId} is not yours`);
            }
            const token = randomBytes(18).toString('base64url');
            this.links.set(token, { shelfId, created: this.now() });
            return token;
          }

          resolve(token: string): number | undefined {
            const link = this.links.get(token);
            if (!link || this.now() - link.created > THIRTY_DAYS_MS) {
              return undefined;
            }
            return link.shelfId;
          }
        }
        ''')),
      ("write", "test/shareLinks.test.ts", d('''
        import { ShareLinks } from '../src/shelves/shareLinks';
        import { ShelfService } from '../src/shelves/shelfService';

        describe('ShareLinks', () => {
          it('creates a read-only link for the owner', () => {
            const shelves = new ShelfService();
            const shelf = shelves.create('ana', 'Favourites');
            const links = new ShareLinks(shelves);
            expect(links.resolve(links.create('ana', shelf.id))).toBe(shelf.id);
            expect(() => links.create('bo', shelf.id)).toThrow('not yours');
          });

          it('expires links after 30 days', () => {
            let now = Date.UTC(2026, 0, 1);
            const shelves = new ShelfService();
            const shelf = shelves.create('ana', 'Favourites');
            const links = new ShareLinks(shelves, () => now);
            const token = links.create('ana', shelf.id);
            now += 30 * 24 * 60 * 60 * 1000;
            expect(links.resolve(token)).toBeUndefined();
          });
        });
        '''))],
     [exp("untraced-criterion")],
     trace([T10_TESTS[0]], [T10_TESTS[1]]),
     passed(T10_TESTS[0]) + [{"test": T10_TESTS[1], "result": "failed"}],
     "Seeded: criterion 1 is traced to 'expires links after 30 days', which failed in CI (the code uses > instead "
     "of >= so a link is still valid at exactly 30 days). The diff itself has no other problem.")

# ----------------------------------------------------------------- shelfie clean cases
TC1_DEPS = dict(SHELFIE_DEPS, **{"date-fns": "^3.6.0"})
case("TC1", "shelfie",
     ticket("SHELF-40", "Story", "Show when a book was added",
            "Shelf views show 'added 3 days ago'. Use date-fns for the wording.",
            ["addedAgo returns date-fns strict distance with suffix, e.g. '3 days ago'"]),
     [("replace", "package.json", shelfie_package_json(), shelfie_package_json(deps=TC1_DEPS)),
      ("replace", "package-lock.json", shelfie_lock(),
       shelfie_lock({"date-fns": ("3.6.0", {}, False)}, deps=TC1_DEPS)),
      ("write", "src/books/addedAgo.ts", d('''
        import { formatDistanceStrict } from 'date-fns';

        export function addedAgo(added: Date, now: Date = new Date()): string {
          return formatDistanceStrict(added, now, { addSuffix: true, roundingMethod: 'floor' });
        }
        ''')),
      ("write", "test/addedAgo.test.ts", d('''
        import { addedAgo } from '../src/books/addedAgo';

        describe('addedAgo', () => {
          it('says how many days ago', () => {
            expect(addedAgo(new Date('2026-03-01T12:00:00Z'), new Date('2026-03-04T13:00:00Z'))).toBe('3 days ago');
          });
        });
        '''))],
     [],
     trace([jt("addedAgo.test.ts", "addedAgo", "says how many days ago")]),
     passed(jt("addedAgo.test.ts", "addedAgo", "says how many days ago")),
     "Clean: date-fns is on the allowlist; the lock entry carries a sha512 integrity hash, which is not a secret.")

SUPERTEST_PKGS = {
    "supertest": ("7.0.0", {"methods": "^1.1.2", "superagent": "^9.0.1"}, True),
    "superagent": ("9.0.2", {"component-emitter": "^1.3.0", "cookiejar": "^2.1.4", "debug": "^4.3.4",
                             "fast-safe-stringify": "^2.1.1", "form-data": "^4.0.0", "formidable": "^3.5.1",
                             "methods": "^1.1.2", "mime": "2.6.0", "qs": "^6.11.0"}, True),
    "methods": ("1.1.2", {}, True),
    "component-emitter": ("1.3.1", {}, True),
    "cookiejar": ("2.1.4", {}, True),
    "superagent/node_modules/debug": ("4.3.6", {"ms": "2.1.2"}, True),
    "superagent/node_modules/ms": ("2.1.2", {}, True),
    "superagent/node_modules/mime": ("2.6.0", {}, True),
    "fast-safe-stringify": ("2.1.1", {}, True),
    "form-data": ("4.0.0", {"asynckit": "^0.4.0", "combined-stream": "^1.0.8", "mime-types": "^2.1.12"}, True),
    "asynckit": ("0.4.0", {}, True),
    "combined-stream": ("1.0.8", {"delayed-stream": "~1.0.0"}, True),
    "delayed-stream": ("1.0.0", {}, True),
    "formidable": ("3.5.2", {"@paralleldrive/cuid2": "^2.2.2", "dezalgo": "^1.0.4", "once": "^1.4.0"}, True),
    "@paralleldrive/cuid2": ("2.2.2", {"@noble/hashes": "^1.1.5"}, True),
    "@noble/hashes": ("1.5.0", {}, True),
    "@types/body-parser": ("1.19.5", {"@types/connect": "*", "@types/node": "*"}, True),
    "@types/connect": ("3.4.38", {"@types/node": "*"}, True),
    "@types/qs": ("6.9.15", {}, True),
    "@types/range-parser": ("1.2.7", {}, True),
    "@types/serve-static": ("1.15.7", {"@types/http-errors": "*", "@types/node": "*", "@types/send": "*"}, True),
    "@types/send": ("0.17.4", {"@types/mime": "^1", "@types/node": "*"}, True),
    "@types/mime": ("1.3.5", {}, True),
    "@types/http-errors": ("2.0.4", {}, True),
    "dezalgo": ("1.0.4", {"asap": "^2.0.0", "wrappy": "1"}, True),
    "asap": ("2.0.6", {}, True),
    "wrappy": ("1.0.2", {}, True),
    "once": ("1.4.0", {"wrappy": "1"}, True),
    "@types/supertest": ("6.0.2", {"@types/methods": "^1.1.4", "@types/superagent": "^8.1.0"}, True),
    "@types/methods": ("1.1.4", {}, True),
    "@types/superagent": ("8.1.8", {"@types/cookiejar": "^2.1.5", "@types/methods": "^1.1.4",
                                    "@types/node": "*", "form-data": "^4.0.0"}, True),
    "@types/cookiejar": ("2.1.5", {}, True),
    "call-bind": ("1.0.7", {"es-define-property": "^1.0.0", "es-errors": "^1.3.0", "function-bind": "^1.1.2",
                            "get-intrinsic": "^1.2.4", "set-function-length": "^1.2.1"}, False),
    "es-define-property": ("1.0.0", {"get-intrinsic": "^1.2.4"}, False),
    "es-errors": ("1.3.0", {}, False),
    "function-bind": ("1.1.2", {}, False),
    "get-intrinsic": ("1.2.4", {"es-errors": "^1.3.0", "function-bind": "^1.1.2", "has-proto": "^1.0.1",
                                "has-symbols": "^1.0.3", "hasown": "^2.0.0"}, False),
    "has-proto": ("1.0.3", {}, False),
    "has-symbols": ("1.0.3", {}, False),
    "hasown": ("2.0.2", {"function-bind": "^1.1.2"}, False),
    "set-function-length": ("1.2.2", {"define-data-property": "^1.1.4", "es-errors": "^1.3.0",
                                      "function-bind": "^1.1.2", "get-intrinsic": "^1.2.4", "gopd": "^1.0.1",
                                      "has-property-descriptors": "^1.0.2"}, False),
    "define-data-property": ("1.1.4", {"es-define-property": "^1.0.0", "es-errors": "^1.3.0", "gopd": "^1.0.1"}, False),
    "gopd": ("1.0.1", {"get-intrinsic": "^1.1.3"}, False),
    "has-property-descriptors": ("1.0.2", {"es-define-property": "^1.0.0"}, False),
    "object-inspect": ("1.13.2", {}, False),
}
SUPERTEST_OVERRIDES = {"side-channel": ("1.0.6", {"call-bind": "^1.0.7", "es-errors": "^1.3.0",
                                                  "get-intrinsic": "^1.2.4", "object-inspect": "^1.13.1"}, False)}
TC2_DEV = dict(SHELFIE_DEV, supertest="^7.0.0", **{"@types/supertest": "^6.0.2"})
case("TC2", "shelfie",
     ticket("SHELF-42", "Task", "HTTP-level tests for the books API",
            "The routes have no tests of their own. Add supertest and cover the book endpoints over HTTP.",
            ["GET /books/:id answers 404 for an unknown book", "POST /books answers 400 with issues for an invalid ISBN",
             "POST /books answers 201 with the stored book"]),
     [("replace", "package.json", shelfie_package_json(), shelfie_package_json(dev=TC2_DEV)),
      ("replace", "package-lock.json", shelfie_lock(),
       shelfie_lock(SUPERTEST_PKGS, dev=TC2_DEV, overrides=SUPERTEST_OVERRIDES)),
      ("write", "test/booksHttp.test.ts", d('''
        import request from 'supertest';
        import { createApp } from '../src/app';
        import { MemoryBookRepository } from '../src/books/bookRepository';
        import { ShelfService } from '../src/shelves/shelfService';

        describe('books over HTTP', () => {
          const app = () => createApp(new MemoryBookRepository(), new ShelfService());

          it('answers 404 for an unknown book', async () => {
            const res = await request(app()).get('/books/99');
            expect(res.status).toBe(404);
            expect(res.body).toEqual({ error: 'not found' });
          });

          it('answers 400 with issues for an invalid isbn', async () => {
            const res = await request(app())
              .post('/books')
              .send({ isbn: '123', title: 'X', author: 'Y' });
            expect(res.status).toBe(400);
            expect(res.body.error).toBe('invalid book');
            expect(res.body.issues[0].message).toBe('not a valid ISBN');
          });

          it('answers 201 with the stored book', async () => {
            const res = await request(app())
              .post('/books')
              .send({ isbn: '978-0-14-044913-6', title: 'The Odyssey', author: 'Homer', year: 1996 });
            expect(res.status).toBe(201);
            expect(res.body).toEqual({ id: 1, isbn: '9780140449136', title: 'The Odyssey', author: 'Homer', year: 1996 });
          });

          it('pages the list', async () => {
            const server = app();
            for (const title of ['A', 'B', 'C']) {
              await request(server).post('/books').send({ isbn: '9780140449136', title, author: 'Anon' });
            }
            const res = await request(server).get('/books?offset=2');
            expect(res.body.items.map((b: { title: string }) => b.title)).toEqual(['C']);
            expect(res.body.total).toBe(3);
          });
        });
        '''))],
     [],
     trace([jt("booksHttp.test.ts", "books over HTTP", "answers 404 for an unknown book")],
           [jt("booksHttp.test.ts", "books over HTTP", "answers 400 with issues for an invalid isbn")],
           [jt("booksHttp.test.ts", "books over HTTP", "answers 201 with the stored book")]),
     passed(jt("booksHttp.test.ts", "books over HTTP", "answers 404 for an unknown book"),
            jt("booksHttp.test.ts", "books over HTTP", "answers 400 with issues for an invalid isbn"),
            jt("booksHttp.test.ts", "books over HTTP", "answers 201 with the stored book"),
            jt("booksHttp.test.ts", "books over HTTP", "pages the list")),
     "Clean: supertest and @types/supertest are allowlisted devDependencies. Most of the diff is package-lock.json "
     "(transitive packages like superagent and formidable with sha512 integrity hashes), which neither counts "
     "toward the size limit nor names direct dependencies.")

case("TC3", "shelfie",
     ticket("SHELF-44", "Story", "Read S3 credentials for cover uploads from the environment",
            "Cover uploads need AWS credentials; they come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.",
            ["loadS3Config reads region, bucket and credentials from the environment",
             "A missing credential is a clear startup error naming the variable"]),
     [("write", "src/storage/s3Config.ts", d('''
        export interface S3Config {
          region: string;
          bucket: string;
          accessKeyId: string;
          secretAccessKey: string;
        }

        function required(env: NodeJS.ProcessEnv, name: string): string {
          const value = env[name];
          if (!value) {
            throw new Error(`${name} is required for cover uploads`);
          }
          return value;
        }

        export function loadS3Config(env: NodeJS.ProcessEnv = process.env): S3Config {
          return {
            region: env.AWS_REGION ?? 'eu-north-1',
            bucket: required(env, 'COVERS_BUCKET'),
            accessKeyId: required(env, 'AWS_ACCESS_KEY_ID'),
            secretAccessKey: required(env, 'AWS_SECRET_ACCESS_KEY'),
          };
        }
        ''')),
      ("write", "test/fixtures/awsEnv.ts", d('''
        // Fake credentials for tests only. These are the example values from the AWS documentation
        // ("AKIAIOSFODNN7EXAMPLE" / "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"); they grant nothing.
        export const FAKE_AWS_ENV = {
          AWS_REGION: 'eu-north-1',
          COVERS_BUCKET: 'shelfie-covers-test',
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        };
        ''')),
      ("write", "test/s3Config.test.ts", d('''
        import { loadS3Config } from '../src/storage/s3Config';
        import { FAKE_AWS_ENV } from './fixtures/awsEnv';

        describe('loadS3Config', () => {
          it('reads the environment', () => {
            expect(loadS3Config(FAKE_AWS_ENV)).toEqual({
              region: 'eu-north-1',
              bucket: 'shelfie-covers-test',
              accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
              secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            });
          });

          it('names a missing variable', () => {
            const { AWS_SECRET_ACCESS_KEY, ...partial } = FAKE_AWS_ENV;
            expect(() => loadS3Config(partial)).toThrow('AWS_SECRET_ACCESS_KEY is required');
          });
        });
        '''))],
     [],
     trace([jt("s3Config.test.ts", "loadS3Config", "reads the environment")],
           [jt("s3Config.test.ts", "loadS3Config", "names a missing variable")]),
     passed(jt("s3Config.test.ts", "loadS3Config", "reads the environment"),
            jt("s3Config.test.ts", "loadS3Config", "names a missing variable")),
     "Clean: the only key-shaped values are AWS's published documentation examples (…EXAMPLE / …EXAMPLEKEY) in a "
     "test fixture whose comment labels them fake; production code reads credentials from the environment.")

case("TC4", "shelfie",
     ticket("SHELF-46", "Task", "Tidy BookService tests with a helper",
            "The book tests repeat the same object literal; introduce an expectBook helper and a factory.",
            ["BookService tests keep checking the stored book fields, the validation error and paging"]),
     [("write", "test/bookService.test.ts", d('''
        import { Book, MemoryBookRepository } from '../src/books/bookRepository';
        import { BookService } from '../src/books/bookService';

        const ODYSSEY = { isbn: '978-0-14-044913-6', title: 'The Odyssey', author: 'Homer', year: 1996 };

        function expectBook(actual: Book, expected: Partial<Book>) {
          expect(actual).toEqual(expect.objectContaining(expected));
          expect(typeof actual.id).toBe('number');
        }

        describe('BookService', () => {
          let service: BookService;

          beforeEach(() => {
            service = new BookService(new MemoryBookRepository());
          });

          const addTitles = async (...titles: string[]) => {
            for (const title of titles) {
              await service.add({ isbn: '9780140449136', title, author: 'Anon' });
            }
          };

          it('stores a valid book with a normalized isbn', async () => {
            const book = await service.add(ODYSSEY);
            expectBook(book, { id: 1, isbn: '9780140449136', title: 'The Odyssey', author: 'Homer', year: 1996 });
          });

          it('rejects an invalid isbn', async () => {
            await expect(service.add({ ...ODYSSEY, isbn: '123' })).rejects.toThrow('not a valid ISBN');
          });

          it('pages through books', async () => {
            await addTitles('A', 'B', 'C');
            const page = await service.page(1, 2);
            expect(page.items.map((b) => b.title)).toEqual(['B', 'C']);
            expect(page.total).toBe(3);
          });
        });
        '''))],
     [],
     trace([jt("bookService.test.ts", "BookService", "stores a valid book with a normalized isbn"),
            jt("bookService.test.ts", "BookService", "rejects an invalid isbn"),
            jt("bookService.test.ts", "BookService", "pages through books")]),
     passed(jt("bookService.test.ts", "BookService", "stores a valid book with a normalized isbn"),
            jt("bookService.test.ts", "BookService", "rejects an invalid isbn"),
            jt("bookService.test.ts", "BookService", "pages through books")),
     "Clean: an assertion helper refactor. expectBook still checks every field (id included, via objectContaining "
     "with id: 1); the validation and paging assertions are unchanged.")

case("TC5", "shelfie",
     ticket("SHELF-48", "Bug", "ISBN-10 with X check digit rejected",
            "ISBN-10s ending in X (check value 10) are rejected. The test for it was skipped when the bug was found.",
            ["A valid ISBN-10 ending in X is accepted", "An ISBN-10 with a wrong check digit is still rejected"]),
     [("replace", "src/books/isbn.ts", "  if (!/^\\d{10}$/.test(isbn)) {", "  if (!/^\\d{9}[\\dX]$/.test(isbn)) {"),
      ("replace", "test/isbn.test.ts", "  it.skip('accepts a valid ISBN-10 with X check digit', () => {",
       "  it('accepts a valid ISBN-10 with X check digit', () => {"),
      ("replace", "test/isbn.test.ts", "    expect(isValidIsbn10('080442957X')).toBe(true);\n  });\n",
       "    expect(isValidIsbn10('080442957X')).toBe(true);\n  });\n\n"
       "  it('rejects an ISBN-10 with a wrong check digit', () => {\n"
       "    expect(isValidIsbn10('0804429579')).toBe(false);\n"
       "    expect(isValidIsbn10('08044295X7')).toBe(false);\n"
       "  });\n")],
     [],
     trace([jt("isbn.test.ts", "isbn", "accepts a valid ISBN-10 with X check digit")],
           [jt("isbn.test.ts", "isbn", "rejects an ISBN-10 with a wrong check digit")]),
     passed(jt("isbn.test.ts", "isbn", "accepts a valid ISBN-10 with X check digit"),
            jt("isbn.test.ts", "isbn", "rejects an ISBN-10 with a wrong check digit")),
     "Clean: the diff removes an it.skip (re-enables a test) and adds a stricter test; the removed line contains "
     "'it.skip', which a careless reviewer might flag.",
     pre=[("replace", "src/books/isbn.ts", "  if (!/^\\d{9}[\\dX]$/.test(isbn)) {", "  if (!/^\\d{10}$/.test(isbn)) {"),
          ("replace", "test/isbn.test.ts", "  it('accepts a valid ISBN-10 with X check digit', () => {",
           "  it.skip('accepts a valid ISBN-10 with X check digit', () => {")])

NODE_MATRIX = ["ci/test (node %s) > " % n for n in ("20", "22")]
case("TC6", "shelfie",
     ticket("SHELF-50", "Task", "Run CI on Node 22",
            "Node 22 is LTS. Run the lint and test job on Node 20 and 22 until we drop 20.",
            ["CI runs lint and the test suite on Node 20 and on Node 22"]),
     [("replace", ".github/workflows/ci.yml", "        node: [20]\n", "        node: [20, 22]\n      fail-fast: false\n"),
      ("replace", "package.json", '"node": ">=20"', '"node": ">=20 <23"')],
     [],
     trace([p + jt("isbn.test.ts", "isbn", "accepts a valid ISBN-13") for p in NODE_MATRIX]),
     passed(*[p + jt("isbn.test.ts", "isbn", "accepts a valid ISBN-13") for p in NODE_MATRIX]),
     "Clean: the ticket is about CI, so the workflow change is in scope, not out-of-scope.")

case("TC7", "shelfie",
     ticket("SHELF-52", "Story", "Database password from PGPASSWORD",
            "Ops rotates the database password through the PGPASSWORD variable; it must not be part of DATABASE_URL.",
            ["The pool uses PGPASSWORD when it is set", "DATABASE_URL without a password still works"]),
     [("replace", "src/config.ts", "  databaseUrl: string;\n", "  databaseUrl: string;\n  databasePassword?: string;\n"),
      ("replace", "src/config.ts", "  return { port, databaseUrl, pageSize: Number(env.PAGE_SIZE ?? 20) };",
       "  return {\n    port,\n    databaseUrl,\n    databasePassword: env.PGPASSWORD || undefined,\n"
       "    pageSize: Number(env.PAGE_SIZE ?? 20),\n  };"),
      ("replace", "src/db/pool.ts", "    connectionString: config.databaseUrl,\n",
       "    connectionString: config.databaseUrl,\n    password: config.databasePassword,\n"),
      ("write", "test/config.test.ts", d('''
        import { loadConfig } from '../src/config';

        describe('loadConfig', () => {
          it('takes the password from PGPASSWORD', () => {
            const config = loadConfig({ DATABASE_URL: 'postgres://shelfie@db/shelfie', PGPASSWORD: 'not-a-real-password' });
            expect(config.databasePassword).toBe('not-a-real-password');
          });

          it('works without a password', () => {
            const config = loadConfig({ DATABASE_URL: 'postgres://shelfie@db/shelfie' });
            expect(config.databasePassword).toBeUndefined();
          });
        });
        '''))],
     [],
     trace([jt("config.test.ts", "loadConfig", "takes the password from PGPASSWORD")],
           [jt("config.test.ts", "loadConfig", "works without a password")]),
     passed(jt("config.test.ts", "loadConfig", "takes the password from PGPASSWORD"),
            jt("config.test.ts", "loadConfig", "works without a password")),
     "Clean: 'password' appears in names, but the value comes from the environment; the test uses the obviously "
     "fake, low-entropy 'not-a-real-password'.")
# ---------------------------------------------------------------------------------------------
# Project "tidewatch": tide gauge ingestion + alerts, Python 3.11 / pip (pyproject), click CLI
# ---------------------------------------------------------------------------------------------
TIDE_ALLOW = ["requests", "pydantic", "click", "python-dateutil", "pytest", "pytest-cov"]

TW_PYPROJECT = d('''
[build-system]
requires = ["setuptools>=69", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "tidewatch"
version = "0.7.2"
description = "Tide gauge ingestion and high-water alerts"
requires-python = ">=3.11"
dependencies = [
    "click>=8.1",
    "pydantic>=2.7",
    "python-dateutil>=2.9",
    "requests>=2.31.0",
]

[project.optional-dependencies]
test = [
    "pytest>=8.2",
    "pytest-cov>=5.0",
]

[project.scripts]
tidewatch = "tidewatch.cli:main"

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "--cov=tidewatch --cov-report=term-missing"

[tool.coverage.report]
fail_under = 85
show_missing = true
''')

TW_INIT = '"""tidewatch: tide gauge ingestion and high-water alerts."""\n\n__version__ = "0.7.2"\n'

TW_PARSER = d('''
"""Parse water-level exports (NOAA CO-OPS CSV) into readings."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timezone

from dateutil import parser as dateparser

FEET_TO_METRES = 0.3048


@dataclass(frozen=True)
class Reading:
    station: str
    at: datetime
    height_m: float


class ParseError(ValueError):
    """A row could not be read; carries the 1-based line number."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


def to_metres(value: float, unit: str) -> float:
    if unit == "m":
        return value
    if unit == "ft":
        return value * FEET_TO_METRES
    raise ValueError(f"unknown unit {unit!r}")


def parse_time(text: str) -> datetime:
    at = dateparser.isoparse(text.strip().replace(" ", "T"))
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(timezone.utc)


def parse_noaa_csv(station: str, text: str, unit: str = "m") -> list[Reading]:
    readings = []
    reader = csv.DictReader(io.StringIO(text), skipinitialspace=True)
    for line, row in enumerate(reader, start=2):
        try:
            at = parse_time(row["Date Time"])
            value = float(row["Water Level"])
        except (KeyError, ValueError) as e:
            raise ParseError(line, str(e)) from e
        readings.append(Reading(station, at, round(to_metres(value, unit), 3)))
    return readings
''')

TW_FORECAST = d('''
"""High-water detection on a series of readings."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tidewatch.parser import Reading


@dataclass(frozen=True)
class HighWater:
    station: str
    at: datetime
    height_m: float


def local_maxima(readings: list[Reading]) -> list[Reading]:
    """Readings higher than both neighbours (plateaus count once, at their first reading)."""
    peaks = []
    for i in range(1, len(readings) - 1):
        before, here, after = readings[i - 1], readings[i], readings[i + 1]
        if here.height_m > before.height_m and here.height_m >= after.height_m:
            peaks.append(here)
    return peaks


def high_waters(readings: list[Reading], threshold_m: float) -> list[HighWater]:
    return [HighWater(r.station, r.at, r.height_m) for r in local_maxima(readings) if r.height_m >= threshold_m]


def interpolate(readings: list[Reading], at: datetime) -> float:
    """Linear interpolation of the height at a time inside the series."""
    for a, b in zip(readings, readings[1:]):
        if a.at <= at <= b.at:
            span = (b.at - a.at).total_seconds()
            if span == 0:
                return a.height_m
            f = (at - a.at).total_seconds() / span
            return round(a.height_m + f * (b.height_m - a.height_m), 3)
    raise ValueError(f"{at.isoformat()} is outside the series")
''')

TW_STATIONS = d('''
"""Station metadata from the CO-OPS metadata API."""
from __future__ import annotations

import logging
import time

import requests
from pydantic import BaseModel

log = logging.getLogger(__name__)

METADATA_URL = "https://api.tidesandcurrents.noaa.gov/mdapi/prod/webapi/stations/{id}.json"


class Station(BaseModel):
    id: str
    name: str
    lat: float
    lng: float
    timezone: str = "UTC"


KNOWN_STATIONS = {
    "9414290": "San Francisco, CA",
    "8518750": "The Battery, NY",
    "8443970": "Boston, MA",
}


def fetch_station(station_id: str, session: requests.Session | None = None, retries: int = 3) -> Station:
    session = session or requests.Session()
    url = METADATA_URL.format(id=station_id)
    for attempt in range(1, retries + 1):
        response = session.get(url, timeout=10)
        if response.status_code == 200:
            data = response.json()["stations"][0]
            return Station(id=data["id"], name=data["name"], lat=data["lat"], lng=data["lng"],
                           timezone=data.get("timezonecorr", "UTC"))
        if response.status_code < 500 or attempt == retries:
            response.raise_for_status()
        time.sleep(0.5 * attempt)
    raise RuntimeError("unreachable")
''')

TW_NOTIFY = d('''
"""Post high-water alerts to a Slack incoming webhook."""
from __future__ import annotations

import os

import requests

from tidewatch.forecast import HighWater


def alert_text(hw: HighWater) -> str:
    return f":ocean: High water at {hw.station}: {hw.height_m:.2f} m at {hw.at:%Y-%m-%d %H:%M} UTC"


def post_alert(hw: HighWater, session: requests.Session | None = None) -> None:
    url = os.environ.get("TIDEWATCH_SLACK_WEBHOOK")
    if not url:
        raise RuntimeError("TIDEWATCH_SLACK_WEBHOOK is not set")
    session = session or requests.Session()
    response = session.post(url, json={"text": alert_text(hw)}, timeout=10)
    response.raise_for_status()
''')

TW_XTIDE = d('''
"""Legacy importer for XTide 'plain' prediction output (kept for the 2019 archive)."""
from __future__ import annotations

from datetime import datetime, timezone

from tidewatch.parser import Reading


def parse_xtide(station: str, text: str) -> list[Reading]:
    readings = []
    for raw in text.splitlines():
        parts = raw.split()
        if len(parts) < 5 or parts[-1] not in ("High", "Low"):
            continue
        day, clock, height, unit = parts[0], parts[1], parts[2], parts[3]
        at = datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
        value = float(height)
        if unit == "ft":
            value *= 0.3048
        readings.append(Reading(station, at, round(value, 3)))
    return readings
''')

TW_CLI = d('''
"""Command line entry point: `tidewatch ...`."""
from __future__ import annotations

from pathlib import Path

import click

from tidewatch import __version__
from tidewatch.forecast import high_waters
from tidewatch.parser import parse_noaa_csv
from tidewatch.xtide import parse_xtide


@click.group()
@click.version_option(__version__)
def main() -> None:
    """Tide gauge ingestion and high-water alerts."""


@main.command()
@click.argument("station")
@click.argument("export", type=click.Path(exists=True, path_type=Path))
@click.option("--threshold", type=float, default=1.5, show_default=True, help="alert height in metres")
@click.option("--unit", type=click.Choice(["m", "ft"]), default="m")
def peaks(station: str, export: Path, threshold: float, unit: str) -> None:
    """Print the high waters above THRESHOLD in an export."""
    readings = parse_noaa_csv(station, export.read_text(), unit)
    for hw in high_waters(readings, threshold):
        click.echo(f"{hw.at:%Y-%m-%d %H:%M}  {hw.height_m:6.2f} m")


@main.command(name="import-xtide")
@click.argument("station")
@click.argument("export", type=click.Path(exists=True, path_type=Path))
def import_xtide(station: str, export: Path) -> None:
    """Convert an XTide plain-text prediction file to CSV on stdout."""
    click.echo("Date Time,Water Level")
    for r in parse_xtide(station, export.read_text()):
        click.echo(f"{r.at:%Y-%m-%d %H:%M},{r.height_m}")


if __name__ == "__main__":
    main()
''')

TW_CONFTEST = d('''
import pytest

SAMPLE = """Date Time, Water Level, Sigma
2026-01-10 00:00,1.102,0.003
2026-01-10 00:06,1.254,0.003
2026-01-10 00:12,1.391,0.004
2026-01-10 00:18,1.455,0.004
2026-01-10 00:24,1.431,0.003
2026-01-10 00:30,1.310,0.003
"""


@pytest.fixture
def sample_csv() -> str:
    return SAMPLE
''')

TW_T_PARSER = d('''
from datetime import datetime, timezone

import pytest

from tidewatch.parser import ParseError, parse_noaa_csv, parse_time, to_metres


def test_parses_rows(sample_csv):
    readings = parse_noaa_csv("9414290", sample_csv)
    assert len(readings) == 6
    assert readings[0].at == datetime(2026, 1, 10, 0, 0, tzinfo=timezone.utc)
    assert readings[3].height_m == 1.455


def test_converts_feet(sample_csv):
    readings = parse_noaa_csv("9414290", sample_csv, unit="ft")
    assert readings[3].height_m == 0.443


def test_to_metres():
    assert to_metres(10, "ft") == pytest.approx(3.048)
    assert to_metres(2.5, "m") == 2.5


def test_bad_row_reports_line():
    with pytest.raises(ParseError) as err:
        parse_noaa_csv("9414290", "Date Time, Water Level\\n2026-01-10 00:00,abc\\n")
    assert err.value.line == 2


def test_handles_dst_transition():
    at = parse_time("2026-03-08 02:30-05:00")
    assert at == datetime(2026, 3, 8, 7, 30, tzinfo=timezone.utc)
''')

TW_T_FORECAST = d('''
from datetime import datetime, timedelta, timezone

import pytest

from tidewatch.forecast import high_waters, interpolate, local_maxima
from tidewatch.parser import Reading, parse_noaa_csv

T0 = datetime(2026, 1, 10, tzinfo=timezone.utc)


def series(*heights):
    return [Reading("X", T0 + timedelta(minutes=6 * i), h) for i, h in enumerate(heights)]


def test_finds_single_peak(sample_csv):
    peaks = local_maxima(parse_noaa_csv("9414290", sample_csv))
    assert [p.height_m for p in peaks] == [1.455]


def test_plateau_counts_once():
    assert [p.height_m for p in local_maxima(series(1.0, 1.2, 1.2, 1.0))] == [1.2]


def test_threshold_filters_peaks():
    assert high_waters(series(1.0, 1.4, 1.0, 1.8, 1.1), threshold_m=1.5)[0].height_m == 1.8


def test_interpolates_between_readings():
    assert interpolate(series(1.0, 2.0), T0 + timedelta(minutes=3)) == 1.5


def test_interpolation_outside_series_fails():
    with pytest.raises(ValueError):
        interpolate(series(1.0, 2.0), T0 + timedelta(hours=1))
''')

TW_T_STATIONS = d('''
import requests

from tidewatch.stations import fetch_station


class FakeResponse:
    def __init__(self, status, payload=None):
        self.status_code = status
        self._payload = payload

    def json(self):
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code}")


class FakeSession:
    def __init__(self, *responses):
        self.responses = list(responses)
        self.urls = []

    def get(self, url, timeout):
        self.urls.append(url)
        return self.responses.pop(0)


SF = {"stations": [{"id": "9414290", "name": "San Francisco", "lat": 37.806, "lng": -122.465}]}


def test_fetches_station():
    station = fetch_station("9414290", FakeSession(FakeResponse(200, SF)))
    assert station.name == "San Francisco"
    assert station.lat == 37.806


def test_retries_server_errors(monkeypatch):
    monkeypatch.setattr("time.sleep", lambda s: None)
    session = FakeSession(FakeResponse(503), FakeResponse(200, SF))
    assert fetch_station("9414290", session).id == "9414290"
    assert len(session.urls) == 2
''')

TW_T_XTIDE = d('''
from tidewatch.xtide import parse_xtide

PLAIN = """Golden Gate
2019-05-01  03:12 AM PDT   5.61 ft  High Tide
2019-05-01 03:12 5.61 ft High
2019-05-01 09:40 0.52 ft Low
"""


def test_reads_high_and_low():
    readings = parse_xtide("9414290", PLAIN)
    assert [r.height_m for r in readings] == [1.71, 0.158]
''')

TW_CI = d('''
name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install -e ".[test]"
      - run: pytest
''')

TW_DEPLOY = d('''
name: deploy
on:
  push:
    tags: ["v*"]

jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - name: Build image
        run: docker build -t ghcr.io/saltmarsh/tidewatch:${{ github.ref_name }} .
      - name: Push image
        run: |
          echo "${{ secrets.GHCR_TOKEN }}" | docker login ghcr.io -u saltmarsh-bot --password-stdin
          docker push ghcr.io/saltmarsh/tidewatch:${{ github.ref_name }}
''')

TW_DOCKER = d('''
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml ./
COPY tidewatch ./tidewatch
RUN pip install --no-cache-dir .
USER nobody
ENTRYPOINT ["tidewatch"]
''')

TW_README = d('''
# tidewatch

Reads tide gauge exports, finds high waters and posts alerts.

    pip install -e ".[test]"
    pytest
    tidewatch peaks 9414290 export.csv --threshold 1.8

Alerts go to the Slack webhook in `TIDEWATCH_SLACK_WEBHOOK`.
''')

project("tidewatch", "python", "pip", TIDE_ALLOW, {
    "pyproject.toml": TW_PYPROJECT,
    "README.md": TW_README,
    "Dockerfile": TW_DOCKER,
    ".github/workflows/ci.yml": TW_CI,
    ".github/workflows/deploy.yml": TW_DEPLOY,
    "tidewatch/__init__.py": TW_INIT,
    "tidewatch/cli.py": TW_CLI,
    "tidewatch/parser.py": TW_PARSER,
    "tidewatch/forecast.py": TW_FORECAST,
    "tidewatch/stations.py": TW_STATIONS,
    "tidewatch/notify.py": TW_NOTIFY,
    "tidewatch/xtide.py": TW_XTIDE,
    "tests/__init__.py": "",
    "tests/conftest.py": TW_CONFTEST,
    "tests/test_parser.py": TW_T_PARSER,
    "tests/test_forecast.py": TW_T_FORECAST,
    "tests/test_stations.py": TW_T_STATIONS,
    "tests/test_xtide.py": TW_T_XTIDE,
})
# ----------------------------------------------------------------- tidewatch cases
def pt(file, name):
    return "tests/%s::%s" % (file, name)


case("P1", "tidewatch",
     ticket("TIDE-12", "Bug", "Skip missing readings in NOAA exports",
            "CO-OPS exports leave 'Water Level' empty when a sensor drops out; the whole import fails today.",
            ["Rows with an empty water level are skipped", "The number of skipped rows is returned with the readings"]),
     [("replace", "tidewatch/parser.py", "FEET_TO_METRES = 0.3048", "FEET_TO_METRES = 0.3"),
      ("replace", "tidewatch/parser.py",
       "def parse_noaa_csv(station: str, text: str, unit: str = \"m\") -> list[Reading]:\n    readings = []\n",
       "def parse_noaa_csv(station: str, text: str, unit: str = \"m\") -> list[Reading]:\n"
       "    return parse_noaa_csv_counting(station, text, unit)[0]\n\n\n"
       "def parse_noaa_csv_counting(station: str, text: str, unit: str = \"m\") -> tuple[list[Reading], int]:\n"
       "    readings = []\n    skipped = 0\n"),
      ("replace", "tidewatch/parser.py",
       "        try:\n            at = parse_time(row[\"Date Time\"])\n",
       "        if not (row.get(\"Water Level\") or \"\").strip():\n"
       "            skipped += 1\n"
       "            continue\n"
       "        try:\n            at = parse_time(row[\"Date Time\"])\n"),
      ("replace", "tidewatch/parser.py",
       "        readings.append(Reading(station, at, round(to_metres(value, unit), 3)))\n    return readings\n",
       "        readings.append(Reading(station, at, round(to_metres(value, unit), 3)))\n    return readings, skipped\n"),
      ("replace", "tests/test_parser.py", "    assert readings[3].height_m == 0.443\n",
       "    assert readings[3].height_m == 0.436\n"),
      ("replace", "tests/test_parser.py", "    assert to_metres(10, \"ft\") == pytest.approx(3.048)\n",
       "    assert to_metres(10, \"ft\") == pytest.approx(3.0)\n"),
      ("replace", "tests/test_parser.py", "from tidewatch.parser import ParseError, parse_noaa_csv, parse_time, to_metres\n",
       "from tidewatch.parser import ParseError, parse_noaa_csv, parse_noaa_csv_counting, parse_time, to_metres\n"),
      ("replace", "tests/test_parser.py", "def test_bad_row_reports_line():",
       "def test_skips_empty_water_level():\n"
       "    text = \"Date Time, Water Level\\n2026-01-10 00:00,1.1\\n2026-01-10 00:06,\\n2026-01-10 00:12,1.3\\n\"\n"
       "    readings, skipped = parse_noaa_csv_counting(\"9414290\", text)\n"
       "    assert [r.height_m for r in readings] == [1.1, 1.3]\n"
       "    assert skipped == 1\n\n\n"
       "def test_bad_row_reports_line():")],
     [exp("test-weakened", "tests/test_parser.py", "pytest.approx(3.0)")],
     trace([pt("test_parser.py", "test_skips_empty_water_level")], [pt("test_parser.py", "test_skips_empty_water_level")]),
     passed(pt("test_parser.py", "test_skips_empty_water_level"), pt("test_parser.py", "test_to_metres"),
            pt("test_parser.py", "test_converts_feet")),
     "Seeded: the feet-to-metres factor is broken (0.3048 -> 0.3) and the expected values of two existing tests are "
     "edited to match the broken output (3.048 -> 3.0, 0.443 -> 0.436; the inputs did not change). One finding of "
     "test-weakened; the expected line is the to_metres assertion, the converts_feet assertion is the same problem.")

case("P2", "tidewatch",
     ticket("TIDE-14", "Story", "Accept Kartverket station codes",
            "Norwegian stations use three-letter codes (OSL, BGO). Known stations may be given by code as well as id.",
            ["A three-letter Kartverket code is accepted and mapped to its station name"]),
     [("replace", "tidewatch/stations.py",
       "    \"8443970\": \"Boston, MA\",\n}\n",
       "    \"8443970\": \"Boston, MA\",\n}\n\n"
       "KARTVERKET_STATIONS = {\n"
       "    \"OSL\": \"Oslo\",\n"
       "    \"BGO\": \"Bergen\",\n"
       "    \"TRD\": \"Trondheim\",\n"
       "    \"TOS\": \"Tromsø\",\n"
       "}\n\n\n"
       "def station_name(code_or_id: str) -> str:\n"
       "    key = code_or_id.strip().upper()\n"
       "    if key in KARTVERKET_STATIONS:\n"
       "        return KARTVERKET_STATIONS[key]\n"
       "    if key in KNOWN_STATIONS:\n"
       "        return KNOWN_STATIONS[key]\n"
       "    raise KeyError(f\"unknown station {code_or_id!r}\")\n"),
      ("replace", "tests/test_stations.py", "from tidewatch.stations import fetch_station\n",
       "import pytest\n\nfrom tidewatch.stations import fetch_station, station_name\n"),
      ("replace", "tests/test_stations.py", "    assert len(session.urls) == 2\n",
       "    assert len(session.urls) == 2\n\n\n"
       "def test_kartverket_codes():\n"
       "    assert station_name(\"bgo\") == \"Bergen\"\n"
       "    assert station_name(\"9414290\") == \"San Francisco, CA\"\n"
       "    with pytest.raises(KeyError):\n"
       "        station_name(\"XYZ\")\n"),
      ("replace", "tests/test_parser.py", "def test_handles_dst_transition():",
       "@pytest.mark.skip(reason=\"fails on CI runners, investigate later\")\ndef test_handles_dst_transition():")],
     [exp("test-weakened", "tests/test_parser.py", "@pytest.mark.skip(")],
     trace([pt("test_stations.py", "test_kartverket_codes")]),
     passed(pt("test_stations.py", "test_kartverket_codes")) +
     [{"test": pt("test_parser.py", "test_handles_dst_transition"), "result": "skipped"}],
     "Seeded: pytest.mark.skip added to an unrelated, existing parser test.")

case("P5", "tidewatch",
     ticket("TIDE-20", "Story", "Alert threshold per station",
            "One global threshold is wrong for stations with very different ranges. Thresholds come from a mapping "
            "with a default.",
            ["Each station uses its own threshold when one is configured, else the default"]),
     [("replace", "tidewatch/forecast.py",
       "def high_waters(readings: list[Reading], threshold_m: float) -> list[HighWater]:\n",
       "def threshold_for(station: str, thresholds: dict[str, float], default_m: float) -> float:\n"
       "    return thresholds.get(station, default_m)\n\n\n"
       "def high_waters_by_station(readings: list[Reading], thresholds: dict[str, float],\n"
       "                           default_m: float) -> list[HighWater]:\n"
       "    by_station: dict[str, list[Reading]] = {}\n"
       "    for r in readings:\n"
       "        by_station.setdefault(r.station, []).append(r)\n"
       "    result = []\n"
       "    for station, series in by_station.items():\n"
       "        limit = threshold_for(station, thresholds, default_m)\n"
       "        breakpoint()\n"
       "        result.extend(high_waters(series, limit))\n"
       "    return result\n\n\n"
       "def high_waters(readings: list[Reading], threshold_m: float) -> list[HighWater]:\n"),
      ("replace", "tests/test_forecast.py", "from tidewatch.forecast import high_waters, interpolate, local_maxima\n",
       "from tidewatch.forecast import high_waters, high_waters_by_station, interpolate, local_maxima\n"),
      ("replace", "tests/test_forecast.py", "def test_interpolates_between_readings():",
       "def test_threshold_per_station():\n"
       "    low = [Reading(\"A\", r.at, r.height_m) for r in series(1.0, 1.4, 1.0)]\n"
       "    high = [Reading(\"B\", r.at, r.height_m) for r in series(1.0, 1.4, 1.0)]\n"
       "    found = high_waters_by_station(low + high, {\"A\": 1.2}, default_m=1.5)\n"
       "    assert [(h.station, h.height_m) for h in found] == [(\"A\", 1.4)]\n\n\n"
       "def test_interpolates_between_readings():")],
     [exp("debug-leftover", "tidewatch/forecast.py", "breakpoint()")],
     trace([pt("test_forecast.py", "test_threshold_per_station")]),
     passed(pt("test_forecast.py", "test_threshold_per_station")),
     "Seeded: a breakpoint() call left in library code (CI passed only because its runners set PYTHONBREAKPOINT=0).")

P6_R = rng_for("P6")
P6_TOKEN = "xoxb-%s-%s-%s" % ("".join(P6_R.choice(string.digits) for _ in range(12)),
                              "".join(P6_R.choice(string.digits) for _ in range(13)),
                              rand_chars(P6_R, 24))
case("P6", "tidewatch",
     ticket("TIDE-22", "Story", "Post alerts through the Slack Web API",
            "Incoming webhooks cannot thread replies. Post alerts with chat.postMessage so follow-ups thread under the "
            "first alert of a tide.",
            ["Alerts are posted with chat.postMessage to the configured channel",
             "A Slack error answer ('ok': false) raises with Slack's error code"]),
     [("write", "tidewatch/notify.py", d('''
        """Post high-water alerts to Slack with the Web API (chat.postMessage)."""
        from __future__ import annotations

        import os

        import requests

        from tidewatch.forecast import HighWater

        SLACK_API = "https://slack.com/api/chat.postMessage"
        SLACK_BOT_TOKEN = "%s"


        class SlackError(RuntimeError):
            pass


        def alert_text(hw: HighWater) -> str:
            return f":ocean: High water at {hw.station}: {hw.height_m:.2f} m at {hw.at:%%Y-%%m-%%d %%H:%%M} UTC"


        def post_alert(hw: HighWater, session: requests.Session | None = None, thread_ts: str | None = None) -> str:
            channel = os.environ.get("TIDEWATCH_SLACK_CHANNEL", "#tide-alerts")
            session = session or requests.Session()
            body = {"channel": channel, "text": alert_text(hw)}
            if thread_ts:
                body["thread_ts"] = thread_ts
            response = session.post(SLACK_API, json=body, timeout=10,
                                    headers={"Authorization": f"Bearer {SLACK_BOT_TOKEN}"})
            response.raise_for_status()
            payload = response.json()
            if not payload.get("ok"):
                raise SlackError(payload.get("error", "unknown_error"))
            return payload["ts"]
        ''') % P6_TOKEN),
      ("write", "tests/test_notify.py", d('''
        from datetime import datetime, timezone

        import pytest

        from tidewatch.forecast import HighWater
        from tidewatch.notify import SlackError, post_alert

        HW = HighWater("9414290", datetime(2026, 1, 10, 0, 18, tzinfo=timezone.utc), 1.455)


        class Resp:
            def __init__(self, payload):
                self.payload = payload

            def raise_for_status(self):
                pass

            def json(self):
                return self.payload


        class Session:
            def __init__(self, payload):
                self.payload = payload
                self.calls = []

            def post(self, url, json, timeout, headers):
                self.calls.append((url, json))
                return Resp(self.payload)


        def test_posts_to_channel(monkeypatch):
            monkeypatch.setenv("TIDEWATCH_SLACK_CHANNEL", "#ops")
            session = Session({"ok": True, "ts": "1736467080.000100"})
            assert post_alert(HW, session) == "1736467080.000100"
            url, body = session.calls[0]
            assert url.endswith("/chat.postMessage")
            assert body["channel"] == "#ops"


        def test_slack_error_raises():
            with pytest.raises(SlackError, match="channel_not_found"):
                post_alert(HW, Session({"ok": False, "error": "channel_not_found"}))
        '''))],
     [exp("secret", "tidewatch/notify.py", "SLACK_BOT_TOKEN = \"xoxb-")],
     trace([pt("test_notify.py", "test_posts_to_channel")], [pt("test_notify.py", "test_slack_error_raises")]),
     passed(pt("test_notify.py", "test_posts_to_channel"), pt("test_notify.py", "test_slack_error_raises")),
     "Seeded: a Slack bot token (xoxb-<digits>-<digits>-<24>, randomly generated, fake) hard-coded in the module.")

P7_R = rng_for("P7")
P7_PW = rand_chars(P7_R, 28, string.ascii_letters + string.digits + "!#%&*+-=?@^_")
case("P7", "tidewatch",
     ticket("TIDE-24", "Story", "Push readings to the regional archive",
            "The regional archive accepts readings as JSON over HTTPS with basic auth; push each import there.",
            ["Readings are PUT to <archive>/stations/<id>/readings as a JSON list",
             "The archive is called with the tidewatch service account"]),
     [("write", "tidewatch/archive.py", d('''
        """Push readings to the regional tide archive."""
        from __future__ import annotations

        import requests

        from tidewatch.parser import Reading

        ARCHIVE_URL = "https://archive.saltmarsh.example/api/v2"
        ARCHIVE_USER = "svc-tidewatch"
        ARCHIVE_PASSWORD = "%s"


        def to_json(readings: list[Reading]) -> list[dict]:
            return [{"at": r.at.isoformat(), "height_m": r.height_m} for r in readings]


        def push(station: str, readings: list[Reading], session: requests.Session | None = None) -> int:
            session = session or requests.Session()
            response = session.put(f"{ARCHIVE_URL}/stations/{station}/readings", json=to_json(readings),
                                   auth=(ARCHIVE_USER, ARCHIVE_PASSWORD), timeout=30)
            response.raise_for_status()
            return len(readings)
        ''') % P7_PW),
      ("write", "tests/test_archive.py", d('''
        from tidewatch import archive
        from tidewatch.parser import parse_noaa_csv


        class Session:
            def __init__(self):
                self.calls = []

            def put(self, url, json, auth, timeout):
                self.calls.append((url, json, auth[0]))

                class R:
                    def raise_for_status(self):
                        pass

                return R()


        def test_puts_readings_as_json(sample_csv):
            session = Session()
            assert archive.push("9414290", parse_noaa_csv("9414290", sample_csv), session) == 6
            url, body, user = session.calls[0]
            assert url.endswith("/stations/9414290/readings")
            assert body[0] == {"at": "2026-01-10T00:00:00+00:00", "height_m": 1.102}


        def test_uses_service_account(sample_csv):
            session = Session()
            archive.push("9414290", parse_noaa_csv("9414290", sample_csv), session)
            assert session.calls[0][2] == "svc-tidewatch"
        '''))],
     [exp("secret", "tidewatch/archive.py", "ARCHIVE_PASSWORD = \"")],
     trace([pt("test_archive.py", "test_puts_readings_as_json")], [pt("test_archive.py", "test_uses_service_account")]),
     passed(pt("test_archive.py", "test_puts_readings_as_json"), pt("test_archive.py", "test_uses_service_account")),
     "Seeded: a 28-character random password assigned to ARCHIVE_PASSWORD in production code (generated, fake).")

case("P8", "tidewatch",
     ticket("TIDE-26", "Story", "Export readings as Parquet",
            "The data team loads readings into DuckDB; give them Parquet files.",
            ["`tidewatch export-parquet STATION EXPORT OUT` writes station, time (UTC) and height columns"]),
     [("replace", "pyproject.toml", "    \"pydantic>=2.7\",\n", "    \"pyarrow>=16.1\",\n    \"pydantic>=2.7\",\n"),
      ("write", "tidewatch/parquet.py", d('''
        """Write readings to Parquet."""
        from __future__ import annotations

        from pathlib import Path

        import pyarrow as pa
        import pyarrow.parquet as pq

        from tidewatch.parser import Reading

        SCHEMA = pa.schema([
            ("station", pa.string()),
            ("at", pa.timestamp("s", tz="UTC")),
            ("height_m", pa.float64()),
        ])


        def write_parquet(readings: list[Reading], out: Path) -> None:
            table = pa.table({
                "station": [r.station for r in readings],
                "at": [r.at for r in readings],
                "height_m": [r.height_m for r in readings],
            }, schema=SCHEMA)
            pq.write_table(table, out)
        ''')),
      ("replace", "tidewatch/cli.py", "from tidewatch.parser import parse_noaa_csv\n",
       "from tidewatch.parquet import write_parquet\nfrom tidewatch.parser import parse_noaa_csv\n"),
      ("replace", "tidewatch/cli.py", "@main.command(name=\"import-xtide\")",
       "@main.command(name=\"export-parquet\")\n"
       "@click.argument(\"station\")\n"
       "@click.argument(\"export\", type=click.Path(exists=True, path_type=Path))\n"
       "@click.argument(\"out\", type=click.Path(path_type=Path))\n"
       "def export_parquet(station: str, export: Path, out: Path) -> None:\n"
       "    \"\"\"Write the readings of EXPORT to a Parquet file.\"\"\"\n"
       "    write_parquet(parse_noaa_csv(station, export.read_text()), out)\n\n\n"
       "@main.command(name=\"import-xtide\")"),
      ("write", "tests/test_parquet.py", d('''
        import pyarrow.parquet as pq

        from tidewatch.parquet import write_parquet
        from tidewatch.parser import parse_noaa_csv


        def test_writes_columns(tmp_path, sample_csv):
            out = tmp_path / "r.parquet"
            write_parquet(parse_noaa_csv("9414290", sample_csv), out)
            table = pq.read_table(out)
            assert table.column_names == ["station", "at", "height_m"]
            assert table.column("height_m").to_pylist()[3] == 1.455
        '''))],
     [exp("dependency", "pyproject.toml", "\"pyarrow>=16.1\"")],
     trace([pt("test_parquet.py", "test_writes_columns")]),
     passed(pt("test_parquet.py", "test_writes_columns")),
     "Seeded: pyarrow is added to [project].dependencies and is not on the allowlist.")

case("P9", "tidewatch",
     ticket("TIDE-28", "Story", "Add Brest to the known stations",
            "The French partner asked for Brest (SHOM station 3) in the known-station list.",
            ["Station '3' is known as 'Brest, FR'"]),
     [("replace", "tidewatch/stations.py", "    \"8443970\": \"Boston, MA\",\n",
       "    \"8443970\": \"Boston, MA\",\n    \"3\": \"Brest, FR\",\n"),
      ("replace", "tests/test_stations.py", "from tidewatch.stations import fetch_station\n",
       "from tidewatch.stations import KNOWN_STATIONS, fetch_station\n"),
      ("replace", "tests/test_stations.py", "    assert len(session.urls) == 2\n",
       "    assert len(session.urls) == 2\n\n\ndef test_brest_is_known():\n    assert KNOWN_STATIONS[\"3\"] == \"Brest, FR\"\n"),
      ("replace", ".github/workflows/deploy.yml", "  push:\n    tags: [\"v*\"]\n",
       "  push:\n    branches: [\"**\"]\n    tags: [\"v*\"]\n"),
      ("replace", ".github/workflows/deploy.yml", "ghcr.io/saltmarsh/tidewatch:${{ github.ref_name }} .",
       "ghcr.io/saltmarsh/tidewatch:latest ."),
      ("replace", ".github/workflows/deploy.yml", "          docker push ghcr.io/saltmarsh/tidewatch:${{ github.ref_name }}",
       "          docker push ghcr.io/saltmarsh/tidewatch:latest")],
     [exp("out-of-scope", ".github/workflows/deploy.yml", "branches: [\"**\"]")],
     trace([pt("test_stations.py", "test_brest_is_known")]),
     passed(pt("test_stations.py", "test_brest_is_known")),
     "Seeded: a one-line station addition also makes the production deploy workflow run on every branch push and "
     "push ':latest' instead of the tag. One finding for the file.")


TIDE_CONSTITUENTS = [
    ("M2", 28.9841042, "Principal lunar semidiurnal"), ("S2", 30.0, "Principal solar semidiurnal"),
    ("N2", 28.4397295, "Larger lunar elliptic semidiurnal"), ("K1", 15.0410686, "Lunar diurnal"),
    ("M4", 57.9682084, "Shallow water overtides of principal lunar"), ("O1", 13.9430356, "Lunar diurnal"),
    ("M6", 86.9523127, "Shallow water overtides of principal lunar"), ("MK3", 44.0251729, "Shallow water terdiurnal"),
    ("S4", 60.0, "Shallow water overtides of principal solar"), ("MN4", 57.4238337, "Shallow water quarter diurnal"),
    ("NU2", 28.5125831, "Larger lunar evectional"), ("S6", 90.0, "Shallow water overtides of principal solar"),
    ("MU2", 27.9682084, "Variational"), ("2N2", 27.8953548, "Lunar elliptical semidiurnal second-order"),
    ("OO1", 16.1391017, "Lunar diurnal"), ("LAM2", 29.4556253, "Smaller lunar evectional"),
    ("S1", 15.0, "Solar diurnal"), ("M1", 14.4966939, "Smaller lunar elliptic diurnal"),
    ("J1", 15.5854433, "Smaller lunar elliptic diurnal"), ("MM", 0.5443747, "Lunar monthly"),
    ("SSA", 0.0821373, "Solar semiannual"), ("SA", 0.0410686, "Solar annual"),
    ("MSF", 1.0158958, "Lunisolar synodic fortnightly"), ("MF", 1.0980331, "Lunisolar fortnightly"),
    ("RHO", 13.4715145, "Larger lunar evectional diurnal"), ("Q1", 13.3986609, "Larger lunar elliptic diurnal"),
    ("T2", 29.9589333, "Larger solar elliptic"), ("R2", 30.0410667, "Smaller solar elliptic"),
    ("2Q1", 12.8542862, "Larger elliptic diurnal"), ("P1", 14.9589314, "Solar diurnal"),
    ("2SM2", 31.0158958, "Shallow water semidiurnal"), ("M3", 43.4761563, "Lunar terdiurnal"),
    ("L2", 29.5284789, "Smaller lunar elliptic semidiurnal"), ("2MK3", 42.9271398, "Shallow water terdiurnal"),
    ("K2", 30.0821373, "Lunisolar semidiurnal"), ("M8", 115.9364166, "Shallow water eighth diurnal"),
    ("MS4", 58.9841042, "Shallow water quarter diurnal"),
]


def tide_harmonics_module():
    rows = "\n".join('    Constituent("%s", %s, "%s"),' % c for c in TIDE_CONSTITUENTS)
    return d('''
        """Harmonic tide prediction: h(t) = Z0 + sum(A_i * cos(w_i * t - phi_i)).

        Speeds are in degrees per hour (NOAA CO-OPS constituent table); amplitudes in metres, phases in degrees,
        all referred to UTC. Node factors are not applied (good to a few centimetres over a year).
        """
        from __future__ import annotations

        import math
        from dataclasses import dataclass
        from datetime import datetime, timedelta, timezone

        from tidewatch.parser import Reading

        EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


        @dataclass(frozen=True)
        class Constituent:
            name: str
            speed_deg_per_hour: float
            description: str

            @property
            def omega(self) -> float:
                """Angular speed in radians per hour."""
                return math.radians(self.speed_deg_per_hour)


        CONSTITUENTS = [
        %s
        ]

        BY_NAME = {c.name: c for c in CONSTITUENTS}


        @dataclass(frozen=True)
        class HarmonicConstant:
            name: str
            amplitude_m: float
            phase_deg: float


        @dataclass(frozen=True)
        class StationModel:
            station: str
            datum_offset_m: float
            constants: tuple[HarmonicConstant, ...]

            def height_at(self, at: datetime) -> float:
                hours = (at - EPOCH).total_seconds() / 3600.0
                h = self.datum_offset_m
                for k in self.constants:
                    c = BY_NAME[k.name]
                    h += k.amplitude_m * math.cos(c.omega * hours - math.radians(k.phase_deg))
                return h


        def predict(model: StationModel, start: datetime, end: datetime, step: timedelta) -> list[Reading]:
            if step <= timedelta(0):
                raise ValueError("step must be positive")
            if end < start:
                raise ValueError("end is before start")
            out = []
            at = start
            while at <= end:
                out.append(Reading(model.station, at, round(model.height_at(at), 3)))
                at += step
            return out


        def _solve(matrix: list[list[float]], rhs: list[float]) -> list[float]:
            """Gaussian elimination with partial pivoting (the systems here are small)."""
            n = len(rhs)
            a = [row[:] + [rhs[i]] for i, row in enumerate(matrix)]
            for col in range(n):
                pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
                if abs(a[pivot][col]) < 1e-12:
                    raise ValueError("singular system: too few readings for these constituents")
                a[col], a[pivot] = a[pivot], a[col]
                for r in range(col + 1, n):
                    f = a[r][col] / a[col][col]
                    for k in range(col, n + 1):
                        a[r][k] -= f * a[col][k]
            x = [0.0] * n
            for r in range(n - 1, -1, -1):
                x[r] = (a[r][n] - sum(a[r][k] * x[k] for k in range(r + 1, n))) / a[r][r]
            return x


        def fit(station: str, readings: list[Reading], names: list[str]) -> StationModel:
            """Least-squares fit of datum offset, amplitudes and phases of the named constituents."""
            unknown = [n for n in names if n not in BY_NAME]
            if unknown:
                raise ValueError(f"unknown constituents: {', '.join(unknown)}")
            columns = 1 + 2 * len(names)
            if len(readings) < columns:
                raise ValueError(f"need at least {columns} readings, got {len(readings)}")
            ata = [[0.0] * columns for _ in range(columns)]
            aty = [0.0] * columns
            for r in readings:
                hours = (r.at - EPOCH).total_seconds() / 3600.0
                row = [1.0]
                for n in names:
                    w = BY_NAME[n].omega
                    row += [math.cos(w * hours), math.sin(w * hours)]
                for i in range(columns):
                    aty[i] += row[i] * r.height_m
                    for j in range(columns):
                        ata[i][j] += row[i] * row[j]
            x = _solve(ata, aty)
            constants = []
            for i, n in enumerate(names):
                a, b = x[1 + 2 * i], x[2 + 2 * i]
                constants.append(HarmonicConstant(n, math.hypot(a, b), math.degrees(math.atan2(b, a)) %% 360.0))
            return StationModel(station, x[0], tuple(constants))


        def residuals(model: StationModel, readings: list[Reading]) -> list[float]:
            return [r.height_m - model.height_at(r.at) for r in readings]


        def rms(values: list[float]) -> float:
            return math.sqrt(sum(v * v for v in values) / len(values)) if values else 0.0
        ''') % rows


TW_HARMONIC_TESTS = d('''
    import math
    from datetime import datetime, timedelta, timezone

    import pytest

    from tidewatch.harmonics import (BY_NAME, CONSTITUENTS, HarmonicConstant, StationModel, fit, predict, residuals,
                                     rms)

    START = datetime(2026, 1, 1, tzinfo=timezone.utc)
    SF = StationModel("9414290", 0.971, (
        HarmonicConstant("M2", 0.580, 213.9),
        HarmonicConstant("K1", 0.370, 106.0),
        HarmonicConstant("O1", 0.229, 89.4),
        HarmonicConstant("S2", 0.134, 219.6),
    ))


    def test_constituent_names_are_unique():
        assert len(BY_NAME) == len(CONSTITUENTS)


    def test_m2_period_is_twelve_hours_twenty_five_minutes():
        period = 360.0 / BY_NAME["M2"].speed_deg_per_hour
        assert period == pytest.approx(12.4206, abs=1e-4)


    def test_prediction_steps_cover_the_range():
        readings = predict(SF, START, START + timedelta(hours=1), timedelta(minutes=6))
        assert len(readings) == 11
        assert readings[-1].at == START + timedelta(hours=1)


    def test_prediction_stays_within_amplitude_sum():
        readings = predict(SF, START, START + timedelta(days=3), timedelta(minutes=30))
        bound = SF.datum_offset_m + sum(k.amplitude_m for k in SF.constants)
        assert all(abs(r.height_m) <= bound + 1e-9 for r in readings)


    def test_bad_step_is_rejected():
        with pytest.raises(ValueError):
            predict(SF, START, START + timedelta(hours=1), timedelta(0))


    def test_fit_recovers_known_constants():
        readings = predict(SF, START, START + timedelta(days=30), timedelta(hours=1))
        model = fit("9414290", readings, ["M2", "K1", "O1", "S2"])
        assert model.datum_offset_m == pytest.approx(0.971, abs=2e-3)
        got = {k.name: k for k in model.constants}
        assert got["M2"].amplitude_m == pytest.approx(0.580, abs=2e-3)
        assert got["M2"].phase_deg == pytest.approx(213.9, abs=0.5)
        assert got["K1"].amplitude_m == pytest.approx(0.370, abs=2e-3)


    def test_fit_residuals_are_small():
        readings = predict(SF, START, START + timedelta(days=30), timedelta(hours=1))
        model = fit("9414290", readings, ["M2", "K1", "O1", "S2"])
        assert rms(residuals(model, readings)) < 0.002


    def test_fit_needs_enough_readings():
        readings = predict(SF, START, START + timedelta(hours=3), timedelta(hours=1))
        with pytest.raises(ValueError, match="need at least"):
            fit("9414290", readings, ["M2", "K1", "O1", "S2"])


    def test_unknown_constituent_is_rejected():
        with pytest.raises(ValueError, match="unknown constituents: XX"):
            fit("9414290", [], ["M2", "XX"])


    def test_rms_of_nothing_is_zero():
        assert rms([]) == 0.0
        assert rms([3.0, 4.0]) == pytest.approx(math.sqrt(12.5))
''')


TW_HARMONICS_DOC = d('''
    # Harmonic tide prediction

    `tidewatch predict` fits a harmonic model to recent readings of a station and predicts forward.

    ## Model

    The height at time *t* (hours since 2000-01-01 UTC) is

        h(t) = Z0 + sum over constituents i of A_i * cos(w_i * t - phi_i)

    where *Z0* is the mean level above the chart datum, *A_i* the amplitude, *w_i* the angular speed
    and *phi_i* the phase of constituent *i*. The speeds are fixed by astronomy and are taken from the
    NOAA CO-OPS constituent table (`tidewatch/harmonics.py`, `CONSTITUENTS`); amplitudes and phases are
    fitted per station.

    ## Fitting

    Each constituent contributes two unknowns, `a = A cos(phi)` and `b = A sin(phi)`, so the model is
    linear in its unknowns and an ordinary least-squares fit solves it:

    1. Build one row per reading: `[1, cos(w_1 t), sin(w_1 t), cos(w_2 t), sin(w_2 t), ...]`.
    2. Accumulate the normal equations `AᵀA x = Aᵀy`.
    3. Solve with Gaussian elimination (partial pivoting; the system has at most 75 unknowns).
    4. Recover `A = hypot(a, b)` and `phi = atan2(b, a)`.

    At least `1 + 2n` readings are needed for *n* constituents, and in practice the record should be
    long enough to separate constituents with close speeds: separating S2 from K2 needs about 183 days,
    M2 from N2 about 28 days. A month of hourly readings is enough for the default set
    `M2,S2,N2,K1,O1`.

    ## Accuracy

    Node factors (the 18.6-year lunar modulation) are not applied, so predictions drift by a few
    centimetres over a year. Refit monthly. Weather (surge, pressure) is not modelled at all; the
    residual RMS of the fit is a floor for the error, not an estimate of it.

    ## Fixtures

    `tests/fixtures/*_constituents.json` hold constituent tables in the CO-OPS layout. The amplitudes
    and phases in them are synthetic test values; only the speeds are checked against the table.

    ## Example

        $ tidewatch predict 9414290 january.csv --days 1
        2026-02-01 00:00   1.412
        2026-02-01 00:30   1.506
        ...
    ''')


def tw_harmonics_cli():
    return ("replace", "tidewatch/cli.py", "@main.command(name=\"import-xtide\")",
            "@main.command()\n"
            "@click.argument(\"station\")\n"
            "@click.argument(\"export\", type=click.Path(exists=True, path_type=Path))\n"
            "@click.option(\"--days\", type=int, default=7, show_default=True)\n"
            "@click.option(\"--constituents\", default=\"M2,S2,N2,K1,O1\", show_default=True)\n"
            "def predict(station: str, export: Path, days: int, constituents: str) -> None:\n"
            "    \"\"\"Fit constituents to EXPORT and print a prediction for the next DAYS days.\"\"\"\n"
            "    readings = parse_noaa_csv(station, export.read_text())\n"
            "    model = harmonics.fit(station, readings, constituents.split(\",\"))\n"
            "    start = readings[-1].at\n"
            "    for r in harmonics.predict(model, start, start + timedelta(days=days), timedelta(minutes=30)):\n"
            "        click.echo(f\"{r.at:%Y-%m-%d %H:%M}  {r.height_m:6.3f}\")\n\n\n"
            "@main.command(name=\"import-xtide\")")


def tw_station_fixture(station="9414290", name="San Francisco, CA"):
    r = random.Random("P10-fixture" + station)
    lines = ["{", '  "station": "%s",' % station, '  "name": "%s",' % name, '  "datum": "MLLW",',
             '  "units": "metres",', '  "source": "NOAA CO-OPS harmonic constituents, epoch 1983-2001",',
             '  "constituents": [']
    entries = []
    for name, speed, _ in TIDE_CONSTITUENTS:
        entries.append('    {"name": "%s", "amplitude": %.3f, "phase_gmt": %.1f, "speed": %s}' % (
            name, r.uniform(0.001, 0.6), r.uniform(0, 360), speed))
    lines.append(",\n".join(entries))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


case("P10", "tidewatch",
     ticket("TIDE-30", "Story", "Predict tides from harmonic constituents",
            "Stations without a live feed need predictions. Fit harmonic constituents to a month of readings and predict "
            "forward.",
            ["Fitting a month of hourly readings recovers the amplitudes and phases of the main constituents",
             "`tidewatch predict` prints a prediction for the next N days"]),
     [("write", "tidewatch/harmonics.py", tide_harmonics_module()),
      ("write", "tests/test_harmonics.py", TW_HARMONIC_TESTS),
      ("write", "tests/fixtures/9414290_constituents.json", tw_station_fixture()),
      ("write", "tests/fixtures/8518750_constituents.json", tw_station_fixture("8518750", "The Battery, NY")),
      ("write", "docs/harmonics.md", TW_HARMONICS_DOC),
      ("write", "tests/test_station_fixture.py", d('''
        import json
        from pathlib import Path

        from tidewatch.harmonics import BY_NAME

        FIXTURE = Path(__file__).parent / "fixtures" / "9414290_constituents.json"


        def test_fixture_speeds_match_table():
            data = json.loads(FIXTURE.read_text())
            for c in data["constituents"]:
                assert BY_NAME[c["name"]].speed_deg_per_hour == c["speed"]
        ''')),
      ("write", "tests/test_cli_predict.py", d('''
        from click.testing import CliRunner

        from tidewatch.cli import main


        def test_predict_prints_rows(tmp_path):
            lines = ["Date Time, Water Level"]
            for hour in range(0, 24 * 20):
                day, h = divmod(hour, 24)
                lines.append(f"2026-01-{day + 1:02d} {h:02d}:00,{1.0 + 0.5 * ((hour % 12) - 6) / 6:.3f}")
            export = tmp_path / "export.csv"
            export.write_text("\\n".join(lines) + "\\n")
            result = CliRunner().invoke(main, ["predict", "9414290", str(export), "--days", "1",
                                               "--constituents", "M2,S2,K1"])
            assert result.exit_code == 0, result.output
            assert len(result.output.splitlines()) == 49
        ''')),
      ("replace", "tidewatch/cli.py", "from pathlib import Path\n",
       "from datetime import timedelta\nfrom pathlib import Path\n"),
      ("replace", "tidewatch/cli.py", "from tidewatch import __version__\n",
       "from tidewatch import __version__, harmonics\n"),
      tw_harmonics_cli(),
      ("replace", "README.md", "    tidewatch peaks 9414290 export.csv --threshold 1.8\n",
       "    tidewatch peaks 9414290 export.csv --threshold 1.8\n"
       "    tidewatch predict 9414290 last-month.csv --days 7\n")],
     [exp("too-large")],
     trace([pt("test_harmonics.py", "test_fit_recovers_known_constants")],
           [pt("test_cli_predict.py", "test_predict_prints_rows")]),
     passed(pt("test_harmonics.py", "test_fit_recovers_known_constants"), pt("test_cli_predict.py", "test_predict_prints_rows"),
            pt("test_harmonics.py", "test_fit_residuals_are_small"), pt("test_station_fixture.py", "test_fixture_speeds_match_table")),
     "Seeded: harmonic prediction module, tests, CLI command and a fixture in one change, over 400 changed lines. "
     "click.echo in the CLI command is fine (CLI output).")

case("P11", "tidewatch",
     ticket("TIDE-32", "Story", "Export high waters as CSV",
            "Harbour masters want the high waters of an export as CSV for their spreadsheet.",
            ["`tidewatch peaks --csv` prints 'time,height_m' rows", "Times are written in ISO 8601 with a Z suffix"]),
     [("replace", "tidewatch/cli.py", "@click.option(\"--unit\", type=click.Choice([\"m\", \"ft\"]), default=\"m\")\n"
       "def peaks(station: str, export: Path, threshold: float, unit: str) -> None:\n"
       "    \"\"\"Print the high waters above THRESHOLD in an export.\"\"\"\n"
       "    readings = parse_noaa_csv(station, export.read_text(), unit)\n"
       "    for hw in high_waters(readings, threshold):\n"
       "        click.echo(f\"{hw.at:%Y-%m-%d %H:%M}  {hw.height_m:6.2f} m\")\n",
       "@click.option(\"--unit\", type=click.Choice([\"m\", \"ft\"]), default=\"m\")\n"
       "@click.option(\"--csv\", \"as_csv\", is_flag=True, help=\"print CSV instead of a table\")\n"
       "def peaks(station: str, export: Path, threshold: float, unit: str, as_csv: bool) -> None:\n"
       "    \"\"\"Print the high waters above THRESHOLD in an export.\"\"\"\n"
       "    readings = parse_noaa_csv(station, export.read_text(), unit)\n"
       "    if as_csv:\n"
       "        click.echo(\"time,height_m\")\n"
       "    for hw in high_waters(readings, threshold):\n"
       "        if as_csv:\n"
       "            click.echo(f\"{hw.at:%Y-%m-%dT%H:%M:%SZ},{hw.height_m:.3f}\")\n"
       "        else:\n"
       "            click.echo(f\"{hw.at:%Y-%m-%d %H:%M}  {hw.height_m:6.2f} m\")\n"),
      ("write", "tests/test_cli_peaks.py", d('''
        from click.testing import CliRunner

        from tidewatch.cli import main


        def test_peaks_csv_header_and_rows(tmp_path, sample_csv):
            export = tmp_path / "export.csv"
            export.write_text(sample_csv)
            result = CliRunner().invoke(main, ["peaks", "9414290", str(export), "--threshold", "1.4", "--csv"])
            assert result.exit_code == 0, result.output
            assert result.output.splitlines()[0] == "time,height_m"
            assert len(result.output.splitlines()) == 2
        '''))],
     [exp("untraced-criterion")],
     [{"criterion": 0, "tests": [pt("test_cli_peaks.py", "test_peaks_csv_header_and_rows")]},
      {"criterion": 1, "tests": []}],
     passed(pt("test_cli_peaks.py", "test_peaks_csv_header_and_rows")),
     "Seeded: criterion 1 (ISO 8601 with Z) is listed in traceability with an empty test list; the one test checks "
     "the header and the row count, not the time format.")

# ----------------------------------------------------------------- tidewatch clean cases
case("PC1", "tidewatch",
     ticket("TIDE-36", "Story", "`tidewatch stations` lists the known stations",
            "Users ask which station ids tidewatch knows. Print them as a table; `--json` prints JSON.",
            ["`tidewatch stations` prints one 'id  name' line per known station, sorted by id",
             "`tidewatch stations --json` prints a JSON object id -> name"]),
     [("replace", "tidewatch/cli.py", "from tidewatch.parser import parse_noaa_csv\n",
       "from tidewatch.parser import parse_noaa_csv\nfrom tidewatch.stations import KNOWN_STATIONS\n"),
      ("replace", "tidewatch/cli.py", "from pathlib import Path\n", "import json\nfrom pathlib import Path\n"),
      ("replace", "tidewatch/cli.py", "@main.command(name=\"import-xtide\")",
       "@main.command()\n"
       "@click.option(\"--json\", \"as_json\", is_flag=True, help=\"print a JSON object instead of a table\")\n"
       "def stations(as_json: bool) -> None:\n"
       "    \"\"\"List the stations tidewatch knows by name.\"\"\"\n"
       "    if as_json:\n"
       "        print(json.dumps(dict(sorted(KNOWN_STATIONS.items())), indent=2))\n"
       "        return\n"
       "    width = max(len(k) for k in KNOWN_STATIONS)\n"
       "    for station_id, name in sorted(KNOWN_STATIONS.items()):\n"
       "        click.echo(f\"{station_id:<{width}}  {name}\")\n\n\n"
       "@main.command(name=\"import-xtide\")"),
      ("write", "tests/test_cli_stations.py", d('''
        import json

        from click.testing import CliRunner

        from tidewatch.cli import main


        def test_table_sorted_by_id():
            result = CliRunner().invoke(main, ["stations"])
            assert result.exit_code == 0
            assert result.output.splitlines() == [
                "8443970  Boston, MA",
                "8518750  The Battery, NY",
                "9414290  San Francisco, CA",
            ]


        def test_json():
            result = CliRunner().invoke(main, ["stations", "--json"])
            assert json.loads(result.output)["9414290"] == "San Francisco, CA"
        '''))],
     [],
     trace([pt("test_cli_stations.py", "test_table_sorted_by_id")], [pt("test_cli_stations.py", "test_json")]),
     passed(pt("test_cli_stations.py", "test_table_sorted_by_id"), pt("test_cli_stations.py", "test_json")),
     "Clean: print() and click.echo() in the click CLI module are the command's output, not debug leftovers.")

case("PC2", "tidewatch",
     ticket("TIDE-38", "Task", "Parametrize the unit conversion tests",
            "Adding units means copying tests; turn the conversion checks into one parametrized test.",
            ["Metres and feet conversions are still checked with the same expected values"]),
     [("replace", "tests/test_parser.py",
       "def test_to_metres():\n    assert to_metres(10, \"ft\") == pytest.approx(3.048)\n    assert to_metres(2.5, \"m\") == 2.5\n",
       "@pytest.mark.parametrize(\"value, unit, metres\", [\n"
       "    (10, \"ft\", 3.048),\n"
       "    (1, \"ft\", 0.3048),\n"
       "    (2.5, \"m\", 2.5),\n"
       "    (0, \"ft\", 0.0),\n"
       "])\n"
       "def test_to_metres(value, unit, metres):\n"
       "    assert to_metres(value, unit) == pytest.approx(metres)\n\n\n"
       "def test_unknown_unit_is_rejected():\n"
       "    with pytest.raises(ValueError, match=\"unknown unit\"):\n"
       "        to_metres(1, \"fathom\")\n")],
     [],
     trace([pt("test_parser.py", "test_to_metres[10-ft-3.048]"), pt("test_parser.py", "test_to_metres[2.5-m-2.5]")]),
     passed(pt("test_parser.py", "test_to_metres[10-ft-3.048]"), pt("test_parser.py", "test_to_metres[1-ft-0.3048]"),
            pt("test_parser.py", "test_to_metres[2.5-m-2.5]"), pt("test_parser.py", "test_to_metres[0-ft-0.0]"),
            pt("test_parser.py", "test_unknown_unit_is_rejected")),
     "Clean: two assert lines are removed but re-expressed as parametrized cases with the same expected values, "
     "plus new cases; no assertion is loosened.")

case("PC3", "tidewatch",
     ticket("TIDE-40", "Task", "Remove the XTide importer",
            "The 2019 archive has been converted; the XTide importer and its command are no longer needed.",
            ["The import-xtide command and the tidewatch.xtide module are gone",
             "`tidewatch --help` no longer lists import-xtide"]),
     [("delete", "tidewatch/xtide.py"), ("delete", "tests/test_xtide.py"),
      ("replace", "tidewatch/cli.py", "from tidewatch.xtide import parse_xtide\n", ""),
      ("replace", "tidewatch/cli.py",
       "@main.command(name=\"import-xtide\")\n"
       "@click.argument(\"station\")\n"
       "@click.argument(\"export\", type=click.Path(exists=True, path_type=Path))\n"
       "def import_xtide(station: str, export: Path) -> None:\n"
       "    \"\"\"Convert an XTide plain-text prediction file to CSV on stdout.\"\"\"\n"
       "    click.echo(\"Date Time,Water Level\")\n"
       "    for r in parse_xtide(station, export.read_text()):\n"
       "        click.echo(f\"{r.at:%Y-%m-%d %H:%M},{r.height_m}\")\n\n\n", ""),
      ("write", "tests/test_cli_help.py", d('''
        from click.testing import CliRunner

        from tidewatch.cli import main


        def test_help_lists_no_xtide_import():
            result = CliRunner().invoke(main, ["--help"])
            assert result.exit_code == 0
            assert "peaks" in result.output
            assert "import-xtide" not in result.output
        '''))],
     [],
     trace([pt("test_cli_help.py", "test_help_lists_no_xtide_import")], [pt("test_cli_help.py", "test_help_lists_no_xtide_import")]),
     passed(pt("test_cli_help.py", "test_help_lists_no_xtide_import")),
     "Clean: tests/test_xtide.py is deleted together with tidewatch/xtide.py, the code it tested.")

case("PC4", "tidewatch",
     ticket("TIDE-42", "Story", "Slack webhook and channel from the environment, with a test double",
            "post_alert reads TIDEWATCH_SLACK_WEBHOOK; add a test that checks the message without calling Slack.",
            ["post_alert posts the alert text to the webhook from TIDEWATCH_SLACK_WEBHOOK",
             "A missing TIDEWATCH_SLACK_WEBHOOK raises a clear error"]),
     [("write", "tests/test_notify.py", d('''
        from datetime import datetime, timezone

        import pytest

        from tidewatch.forecast import HighWater
        from tidewatch.notify import post_alert

        # Obviously fake webhook for tests; hooks.slack.example does not exist and the path is not a real hook.
        FAKE_WEBHOOK = "https://hooks.slack.example/services/T000TEST/B000TEST/not-a-real-webhook-secret"

        HW = HighWater("9414290", datetime(2026, 1, 10, 0, 18, tzinfo=timezone.utc), 1.455)


        class Session:
            def __init__(self):
                self.posts = []

            def post(self, url, json, timeout):
                self.posts.append((url, json))

                class R:
                    def raise_for_status(self):
                        pass

                return R()


        def test_posts_alert_text(monkeypatch):
            monkeypatch.setenv("TIDEWATCH_SLACK_WEBHOOK", FAKE_WEBHOOK)
            session = Session()
            post_alert(HW, session)
            assert session.posts == [(FAKE_WEBHOOK, {"text": ":ocean: High water at 9414290: 1.46 m at 2026-01-10 00:18 UTC"})]


        def test_missing_webhook(monkeypatch):
            monkeypatch.delenv("TIDEWATCH_SLACK_WEBHOOK", raising=False)
            with pytest.raises(RuntimeError, match="TIDEWATCH_SLACK_WEBHOOK is not set"):
                post_alert(HW, Session())
        ''')),
      ("replace", "README.md", "Alerts go to the Slack webhook in `TIDEWATCH_SLACK_WEBHOOK`.\n",
       "Alerts go to the Slack webhook in `TIDEWATCH_SLACK_WEBHOOK` (never commit the URL; it is a credential).\n")],
     [],
     trace([pt("test_notify.py", "test_posts_alert_text")], [pt("test_notify.py", "test_missing_webhook")]),
     passed(pt("test_notify.py", "test_posts_alert_text"), pt("test_notify.py", "test_missing_webhook")),
     "Clean: the webhook URL in the test is on a .example domain and labelled fake; the real one comes from the "
     "environment.")

case("PC5", "tidewatch",
     ticket("TIDE-44", "Bug", "Require requests 2.32.3",
            "requests < 2.32 has CVE-2024-35195 (session verify=False leaks to later requests). Raise the floor.",
            ["tidewatch requires requests >= 2.32.3"]),
     [("replace", "pyproject.toml", "    \"requests>=2.31.0\",\n", "    \"requests>=2.32.3\",\n")],
     [],
     trace([pt("test_stations.py", "test_fetches_station")]),
     passed(pt("test_stations.py", "test_fetches_station"), pt("test_stations.py", "test_retries_server_errors")),
     "Clean: a version change of an allowlisted dependency (requests).")

case("PC6", "tidewatch",
     ticket("TIDE-46", "Story", "Log station fetch retries",
            "When the CO-OPS API flaps we cannot tell from the logs. Log each retry at WARNING and the fetch at DEBUG.",
            ["Each retried server error is logged at WARNING with the status and attempt"]),
     [("replace", "tidewatch/stations.py", "    url = METADATA_URL.format(id=station_id)\n",
       "    url = METADATA_URL.format(id=station_id)\n    log.debug(\"fetching station metadata from %s\", url)\n"),
      ("replace", "tidewatch/stations.py", "            response.raise_for_status()\n        time.sleep(0.5 * attempt)\n",
       "            response.raise_for_status()\n"
       "        log.warning(\"station %s: HTTP %d on attempt %d of %d, retrying\", station_id, response.status_code,\n"
       "                    attempt, retries)\n"
       "        time.sleep(0.5 * attempt)\n"),
      ("replace", "tests/test_stations.py", "    assert len(session.urls) == 2\n",
       "    assert len(session.urls) == 2\n\n\n"
       "def test_logs_retries(monkeypatch, caplog):\n"
       "    monkeypatch.setattr(\"time.sleep\", lambda s: None)\n"
       "    fetch_station(\"9414290\", FakeSession(FakeResponse(503), FakeResponse(200, SF)))\n"
       "    assert \"HTTP 503 on attempt 1 of 3\" in caplog.text\n")],
     [],
     trace([pt("test_stations.py", "test_logs_retries")]),
     passed(pt("test_stations.py", "test_logs_retries"), pt("test_stations.py", "test_retries_server_errors")),
     "Clean: logging through the module logger (log.debug / log.warning) is not a debug leftover.")
# ---------------------------------------------------------------------------------------------
# Project "relay": webhook relay service, Go 1.22 (chi, testify, yaml.v3)
# ---------------------------------------------------------------------------------------------
RELAY_ALLOW = ["github.com/go-chi/chi/v5", "github.com/stretchr/testify", "gopkg.in/yaml.v3", "github.com/google/uuid"]
RM = "github.com/harbourlabs/relay/"


def go_mod(requires, indirect=None):
    req = "\n".join("\t%s %s" % (m, v) for m, v in sorted(requires.items()))
    ind = indirect or {"github.com/davecgh/go-spew": "v1.1.1", "github.com/pmezard/go-difflib": "v1.0.0"}
    ind_s = "\n".join("\t%s %s // indirect" % (m, v) for m, v in sorted(ind.items()))
    return "module github.com/harbourlabs/relay\n\ngo 1.22.5\n\nrequire (\n%s\n)\n\nrequire (\n%s\n)\n" % (req, ind_s)


RELAY_REQ = {"github.com/go-chi/chi/v5": "v5.1.0", "github.com/stretchr/testify": "v1.9.0", "gopkg.in/yaml.v3": "v3.0.1"}


def go_sum(modules):
    lines = []
    for m, v in sorted(modules.items()):
        r = random.Random("gosum" + m + v)
        lines.append("%s %s %s" % (m, v, h1(r)))
        lines.append("%s %s/go.mod %s" % (m, v, h1(r)))
    return "\n".join(lines) + "\n"


RELAY_SUM_MODS = dict(RELAY_REQ, **{"github.com/davecgh/go-spew": "v1.1.1", "github.com/pmezard/go-difflib": "v1.0.0",
                                    "gopkg.in/check.v1": "v0.0.0-20161208181325-20d25e280405",
                                    "github.com/stretchr/objx": "v0.5.2"})

RL_MAIN = d('''
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/harbourlabs/relay/internal/config"
	"github.com/harbourlabs/relay/internal/queue"
	"github.com/harbourlabs/relay/internal/store"
	"github.com/harbourlabs/relay/internal/webhook"
)

func main() {
	configPath := flag.String("config", "relay.yaml", "path to the configuration file")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	cfg, err := config.Load(*configPath)
	if err != nil {
		logger.Error("cannot load configuration", "err", err)
		os.Exit(2)
	}

	events := store.NewMemory()
	retrier := queue.NewRetrier(cfg.Retry.Initial, cfg.Retry.Max, cfg.Retry.Attempts)
	handler := webhook.NewHandler(cfg.Secret, events, logger)

	srv := &http.Server{
		Addr:              cfg.Listen,
		Handler:           handler.Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go retrier.Run(ctx, events)

	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()

	logger.Info("relay listening", "addr", cfg.Listen)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
''')

RL_CONFIG = d('''
package config

import (
	"fmt"
	"os"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the relay's configuration file.
type Config struct {
	Listen  string `yaml:"listen"`
	Secret  string `yaml:"-"`
	Targets []Target `yaml:"targets"`
	Retry   struct {
		Initial  time.Duration `yaml:"initial"`
		Max      time.Duration `yaml:"max"`
		Attempts int           `yaml:"attempts"`
	} `yaml:"retry"`
}

// Target is one downstream URL events are forwarded to.
type Target struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

// Load reads the file and takes the signing secret from RELAY_WEBHOOK_SECRET.
func Load(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg := &Config{Listen: ":8080"}
	if err := yaml.Unmarshal(raw, cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cfg.Secret = os.Getenv("RELAY_WEBHOOK_SECRET")
	if cfg.Secret == "" {
		return nil, fmt.Errorf("RELAY_WEBHOOK_SECRET is not set")
	}
	if cfg.Retry.Attempts == 0 {
		cfg.Retry.Initial, cfg.Retry.Max, cfg.Retry.Attempts = time.Second, time.Minute, 5
	}
	return cfg, nil
}
''')

RL_SIGNATURE = d('''
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// ErrBadSignature is returned for a missing, malformed or wrong signature.
var ErrBadSignature = errors.New("bad signature")

// ErrStale is returned when the signed timestamp is outside the tolerance window.
var ErrStale = errors.New("stale signature")

// Tolerance is how far a signed timestamp may be from now.
const Tolerance = 5 * time.Minute

// Sign returns the header value "t=<unix>,v1=<hex hmac>" for body at time now.
func Sign(secret string, body []byte, now time.Time) string {
	ts := strconv.FormatInt(now.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

// Verify checks a "t=...,v1=..." header against body.
func Verify(secret, header string, body []byte, now time.Time) error {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return ErrBadSignature
		}
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	if ts == "" || sig == "" {
		return ErrBadSignature
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(unix, 0)); d > Tolerance || d < -Tolerance {
		return ErrStale
	}
	if !hmac.Equal([]byte(sig), []byte(mac(secret, ts, body))) {
		return ErrBadSignature
	}
	return nil
}

func mac(secret, ts string, body []byte) string {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte(ts))
	h.Write([]byte("."))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}
''')

RL_SIGNATURE_TEST = d('''
package webhook

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var now = time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)

func TestSignThenVerify(t *testing.T) {
	header := Sign("s3cr3t", []byte(`{"id":1}`), now)
	require.NoError(t, Verify("s3cr3t", header, []byte(`{"id":1}`), now))
}

func TestRejectsTamperedBody(t *testing.T) {
	header := Sign("s3cr3t", []byte(`{"id":1}`), now)
	err := Verify("s3cr3t", header, []byte(`{"id":2}`), now)
	assert.ErrorIs(t, err, ErrBadSignature)
}

func TestRejectsStaleTimestamp(t *testing.T) {
	header := Sign("s3cr3t", []byte(`{}`), now.Add(-6*time.Minute))
	assert.ErrorIs(t, Verify("s3cr3t", header, []byte(`{}`), now), ErrStale)
}

func TestRejectsMalformedHeader(t *testing.T) {
	for _, header := range []string{"", "t=1", "v1=abc", "garbage", "t=x,v1=abc"} {
		assert.ErrorIs(t, Verify("s3cr3t", header, nil, now), ErrBadSignature, header)
	}
}
''')

RL_HANDLER = d('''
package webhook

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/harbourlabs/relay/internal/store"
)

const maxBody = 1 << 20

// Handler receives signed webhooks and stores them for delivery.
type Handler struct {
	secret string
	events store.Events
	log    *slog.Logger
	now    func() time.Time
}

func NewHandler(secret string, events store.Events, log *slog.Logger) *Handler {
	return &Handler{secret: secret, events: events, log: log, now: time.Now}
}

func (h *Handler) Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	r.Post("/hooks/{source}", h.receive)
	return r
}

type incoming struct {
	ID   string          `json:"id"`
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

func (h *Handler) receive(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if err := Verify(h.secret, r.Header.Get("Relay-Signature"), body, h.now()); err != nil {
		status := http.StatusUnauthorized
		if errors.Is(err, ErrStale) {
			status = http.StatusForbidden
		}
		http.Error(w, err.Error(), status)
		return
	}
	var ev incoming
	if err := json.Unmarshal(body, &ev); err != nil || ev.ID == "" || ev.Type == "" {
		http.Error(w, "event needs id and type", http.StatusBadRequest)
		return
	}
	stored := store.Event{ID: ev.ID, Source: chi.URLParam(r, "source"), Type: ev.Type, Body: body,
		ReceivedAt: h.now()}
	if !h.events.Add(stored) {
		w.WriteHeader(http.StatusOK)
		return
	}
	h.log.Info("event accepted", "id", ev.ID, "source", stored.Source, "type", ev.Type)
	w.WriteHeader(http.StatusAccepted)
}
''')

RL_HANDLER_TEST = d('''
package webhook

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/harbourlabs/relay/internal/store"
)

func newTestHandler() (*Handler, *store.Memory) {
	events := store.NewMemory()
	h := NewHandler("s3cr3t", events, slog.New(slog.NewTextHandler(io.Discard, nil)))
	h.now = func() time.Time { return now }
	return h, events
}

func post(t *testing.T, h *Handler, body, signature string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/hooks/github", strings.NewReader(body))
	req.Header.Set("Relay-Signature", signature)
	rec := httptest.NewRecorder()
	h.Routes().ServeHTTP(rec, req)
	return rec
}

func TestAcceptsSignedEvent(t *testing.T) {
	h, events := newTestHandler()
	body := `{"id":"ev-1","type":"push","data":{}}`
	rec := post(t, h, body, Sign("s3cr3t", []byte(body), now))
	assert.Equal(t, http.StatusAccepted, rec.Code)
	require.Len(t, events.Pending(), 1)
	assert.Equal(t, "github", events.Pending()[0].Source)
}

func TestDuplicateIsAcknowledgedOnce(t *testing.T) {
	h, events := newTestHandler()
	body := `{"id":"ev-1","type":"push","data":{}}`
	post(t, h, body, Sign("s3cr3t", []byte(body), now))
	rec := post(t, h, body, Sign("s3cr3t", []byte(body), now))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Len(t, events.Pending(), 1)
}

func TestUnsignedIsRejected(t *testing.T) {
	h, _ := newTestHandler()
	rec := post(t, h, `{"id":"ev-1","type":"push"}`, "")
	assert.Equal(t, http.StatusUnauthorized, rec.Code)
}

func TestEventWithoutTypeIsRejected(t *testing.T) {
	h, _ := newTestHandler()
	body := `{"id":"ev-1"}`
	rec := post(t, h, body, Sign("s3cr3t", []byte(body), now))
	assert.Equal(t, http.StatusBadRequest, rec.Code)
}
''')

RL_STORE = d('''
package store

import (
	"sync"
	"time"
)

// Event is a received webhook waiting for delivery.
type Event struct {
	ID         string
	Source     string
	Type       string
	Body       []byte
	ReceivedAt time.Time
	Attempts   int
}

// Events keeps events until they are delivered.
type Events interface {
	Add(Event) bool
	Pending() []Event
	Done(id string)
	Retry(id string)
}

// Memory is an in-process Events store; events are lost on restart.
type Memory struct {
	mu      sync.Mutex
	pending map[string]Event
	order   []string
	seen    map[string]bool
}

func NewMemory() *Memory {
	return &Memory{pending: map[string]Event{}, seen: map[string]bool{}}
}

// Add stores the event unless its ID was seen before; it reports whether it was new.
func (m *Memory) Add(e Event) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen[e.ID] {
		return false
	}
	m.seen[e.ID] = true
	m.pending[e.ID] = e
	m.order = append(m.order, e.ID)
	return true
}

func (m *Memory) Pending() []Event {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Event, 0, len(m.pending))
	for _, id := range m.order {
		if e, ok := m.pending[id]; ok {
			out = append(out, e)
		}
	}
	return out
}

func (m *Memory) Done(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pending, id)
}

func (m *Memory) Retry(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.pending[id]; ok {
		e.Attempts++
		m.pending[id] = e
	}
}
''')

RL_RETRY = d('''
package queue

import (
	"context"
	"time"

	"github.com/harbourlabs/relay/internal/store"
)

// Retrier computes exponential backoff between delivery attempts.
type Retrier struct {
	initial  time.Duration
	max      time.Duration
	attempts int
	deliver  func(context.Context, store.Event) error
}

func NewRetrier(initial, max time.Duration, attempts int) *Retrier {
	return &Retrier{initial: initial, max: max, attempts: attempts,
		deliver: func(context.Context, store.Event) error { return nil }}
}

// Backoff is the wait before attempt n (1-based): initial * 2^(n-1), capped at max.
func (r *Retrier) Backoff(n int) time.Duration {
	d := r.initial
	for i := 1; i < n; i++ {
		d *= 2
		if d >= r.max {
			return r.max
		}
	}
	return d
}

// GiveUp reports whether an event has used all its attempts.
func (r *Retrier) GiveUp(e store.Event) bool {
	return e.Attempts >= r.attempts
}

// Run delivers pending events until ctx is done.
func (r *Retrier) Run(ctx context.Context, events store.Events) {
	tick := time.NewTicker(r.initial)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			for _, e := range events.Pending() {
				if r.GiveUp(e) {
					events.Done(e.ID)
					continue
				}
				if err := r.deliver(ctx, e); err != nil {
					events.Retry(e.ID)
					continue
				}
				events.Done(e.ID)
			}
		}
	}
}
''')

RL_RETRY_TEST = d('''
package queue

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/harbourlabs/relay/internal/store"
)

func TestBackoffDoubles(t *testing.T) {
	r := NewRetrier(time.Second, time.Minute, 5)
	assert.Equal(t, time.Second, r.Backoff(1))
	assert.Equal(t, 2*time.Second, r.Backoff(2))
	assert.Equal(t, 8*time.Second, r.Backoff(4))
}

func TestBackoffCapped(t *testing.T) {
	r := NewRetrier(time.Second, 10*time.Second, 10)
	assert.Equal(t, 10*time.Second, r.Backoff(8))
}

func TestGiveUpAfterAttempts(t *testing.T) {
	r := NewRetrier(time.Second, time.Minute, 3)
	assert.False(t, r.GiveUp(store.Event{Attempts: 2}))
	assert.True(t, r.GiveUp(store.Event{Attempts: 3}))
}
''')

RL_DOCKER = d('''
FROM golang:1.22.5-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/relay ./cmd/relay

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/relay /relay
USER nonroot
EXPOSE 8080
ENTRYPOINT ["/relay", "-config", "/etc/relay/relay.yaml"]
''')

RL_HELM = d('''
replicaCount: 2

image:
  repository: ghcr.io/harbourlabs/relay
  tag: "1.8.0"
  pullPolicy: IfNotPresent

service:
  type: ClusterIP
  port: 8080

ingress:
  enabled: true
  host: relay.harbourlabs.example

resources:
  requests:
    cpu: 100m
    memory: 64Mi
  limits:
    memory: 256Mi

secretName: relay-webhook-secret
''')

RL_CI = d('''
name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go vet ./...
      - run: go test -race -count=1 ./...
''')

RL_MAKE = d('''
.PHONY: build test lint

build:
\tgo build -o bin/relay ./cmd/relay

test:
\tgo test -race -count=1 ./...

lint:
\tgo vet ./...
''')

RL_README = d('''
# relay

Receives signed webhooks (`Relay-Signature: t=<unix>,v1=<hmac-sha256>`), deduplicates them by event id
and forwards them to the configured targets with exponential backoff.

    make test
    RELAY_WEBHOOK_SECRET=... go run ./cmd/relay -config relay.yaml
''')

project("relay", "go", "go", RELAY_ALLOW, {
    "go.mod": go_mod(RELAY_REQ),
    "go.sum": go_sum(RELAY_SUM_MODS),
    "README.md": RL_README,
    "Makefile": RL_MAKE,
    "Dockerfile": RL_DOCKER,
    "deploy/helm/values.yaml": RL_HELM,
    ".github/workflows/ci.yml": RL_CI,
    "cmd/relay/main.go": RL_MAIN,
    "internal/config/config.go": RL_CONFIG,
    "internal/webhook/signature.go": RL_SIGNATURE,
    "internal/webhook/signature_test.go": RL_SIGNATURE_TEST,
    "internal/webhook/handler.go": RL_HANDLER,
    "internal/webhook/handler_test.go": RL_HANDLER_TEST,
    "internal/store/memory.go": RL_STORE,
    "internal/queue/retry.go": RL_RETRY,
    "internal/queue/retry_test.go": RL_RETRY_TEST,
})
# ----------------------------------------------------------------- relay cases
def gt(pkg, name):
    return RM + pkg + "." + name


case("G1", "relay",
     ticket("RLY-7", "Story", "Jitter in retry backoff",
            "All relays retry a failing target at the same instants. Add full jitter: wait a random duration "
            "between 0 and the backoff.",
            ["The wait before attempt n is uniformly random in [0, backoff(n)]"]),
     [("replace", "internal/queue/retry.go", "import (\n\t\"context\"\n\t\"time\"\n",
       "import (\n\t\"context\"\n\t\"math/rand/v2\"\n\t\"time\"\n"),
      ("replace", "internal/queue/retry.go", "// GiveUp reports",
       "// Jittered is a random wait in [0, Backoff(n)] (\"full jitter\").\n"
       "func (r *Retrier) Jittered(n int) time.Duration {\n"
       "\treturn time.Duration(rand.Int64N(int64(r.Backoff(n)) + 1))\n"
       "}\n\n"
       "// GiveUp reports"),
      ("replace", "internal/queue/retry_test.go", "func TestBackoffDoubles(t *testing.T) {\n",
       "func TestBackoffDoubles(t *testing.T) {\n\tt.Skip(\"flaky since jitter was added\")\n"),
      ("replace", "internal/queue/retry_test.go", "func TestGiveUpAfterAttempts(t *testing.T) {",
       "func TestJitterWithinBackoff(t *testing.T) {\n"
       "\tr := NewRetrier(time.Second, time.Minute, 5)\n"
       "\tfor i := 0; i < 1000; i++ {\n"
       "\t\td := r.Jittered(3)\n"
       "\t\tassert.GreaterOrEqual(t, d, time.Duration(0))\n"
       "\t\tassert.LessOrEqual(t, d, 4*time.Second)\n"
       "\t}\n"
       "}\n\n"
       "func TestGiveUpAfterAttempts(t *testing.T) {")],
     [exp("test-weakened", "internal/queue/retry_test.go", "t.Skip(\"flaky since jitter")],
     trace([gt("internal/queue", "TestJitterWithinBackoff")]),
     passed(gt("internal/queue", "TestJitterWithinBackoff"), gt("internal/queue", "TestGiveUpAfterAttempts")) +
     [{"test": gt("internal/queue", "TestBackoffDoubles"), "result": "skipped"}],
     "Seeded: t.Skip added to TestBackoffDoubles. Backoff itself is unchanged and deterministic, so the 'flaky' "
     "reason is false; the test is simply switched off.")

case("G2", "relay",
     ticket("RLY-9", "Story", "Accept v2 signatures alongside v1",
            "Partners move to 'v2=' (HMAC-SHA256 over method, path, timestamp and body). Accept either during the "
            "migration.",
            ["A header with a valid v2 signature is accepted", "A header with only a wrong v2 signature is rejected"]),
     [("replace", "internal/webhook/signature.go",
       "// Verify checks a \"t=...,v1=...\" header against body.\nfunc Verify(secret, header string, body []byte, now time.Time) error {\n"
       "\tvar ts, sig string\n",
       "// SignV2 returns \"t=<unix>,v2=<hex hmac>\" over method, path, timestamp and body.\n"
       "func SignV2(secret, method, path string, body []byte, now time.Time) string {\n"
       "\tts := strconv.FormatInt(now.Unix(), 10)\n"
       "\treturn \"t=\" + ts + \",v2=\" + mac(secret, method+\" \"+path+\".\"+ts, body)\n"
       "}\n\n"
       "// VerifyRequest accepts a valid v2 signature, or falls back to v1.\n"
       "func VerifyRequest(secret, method, path, header string, body []byte, now time.Time) error {\n"
       "\tfor _, part := range strings.Split(header, \",\") {\n"
       "\t\tif k, v, ok := strings.Cut(strings.TrimSpace(part), \"=\"); ok && k == \"v2\" {\n"
       "\t\t\tts := timestamp(header)\n"
       "\t\t\tif ts == \"\" || !hmac.Equal([]byte(v), []byte(mac(secret, method+\" \"+path+\".\"+ts, body))) {\n"
       "\t\t\t\treturn ErrBadSignature\n"
       "\t\t\t}\n"
       "\t\t\treturn fresh(ts, now)\n"
       "\t\t}\n"
       "\t}\n"
       "\treturn Verify(secret, header, body, now)\n"
       "}\n\n"
       "func timestamp(header string) string {\n"
       "\tfor _, part := range strings.Split(header, \",\") {\n"
       "\t\tif k, v, ok := strings.Cut(strings.TrimSpace(part), \"=\"); ok && k == \"t\" {\n"
       "\t\t\treturn v\n"
       "\t\t}\n"
       "\t}\n"
       "\treturn \"\"\n"
       "}\n\n"
       "func fresh(ts string, now time.Time) error {\n"
       "\tunix, err := strconv.ParseInt(ts, 10, 64)\n"
       "\tif err != nil {\n"
       "\t\treturn ErrBadSignature\n"
       "\t}\n"
       "\tif d := now.Sub(time.Unix(unix, 0)); d > Tolerance || d < -Tolerance {\n"
       "\t\treturn ErrStale\n"
       "\t}\n"
       "\treturn nil\n"
       "}\n\n"
       "// Verify checks a \"t=...,v1=...\" header against body.\nfunc Verify(secret, header string, body []byte, now time.Time) error {\n"
       "\tvar ts, sig string\n"),
      ("replace", "internal/webhook/handler.go",
       "Verify(h.secret, r.Header.Get(\"Relay-Signature\"), body, h.now())",
       "VerifyRequest(h.secret, r.Method, r.URL.Path, r.Header.Get(\"Relay-Signature\"), body, h.now())"),
      ("replace", "internal/webhook/signature_test.go",
       "\terr := Verify(\"s3cr3t\", header, []byte(`{\"id\":2}`), now)\n\tassert.ErrorIs(t, err, ErrBadSignature)\n",
       "\terr := Verify(\"s3cr3t\", header, []byte(`{\"id\":2}`), now)\n\tt.Logf(\"tampered body: %v\", err)\n"),
      ("replace", "internal/webhook/signature_test.go", "func TestRejectsStaleTimestamp(t *testing.T) {",
       "func TestAcceptsV2(t *testing.T) {\n"
       "\theader := SignV2(\"s3cr3t\", \"POST\", \"/hooks/github\", []byte(`{}`), now)\n"
       "\trequire.NoError(t, VerifyRequest(\"s3cr3t\", \"POST\", \"/hooks/github\", header, []byte(`{}`), now))\n"
       "}\n\n"
       "func TestRejectsWrongV2(t *testing.T) {\n"
       "\theader := SignV2(\"s3cr3t\", \"POST\", \"/hooks/other\", []byte(`{}`), now)\n"
       "\tassert.ErrorIs(t, VerifyRequest(\"s3cr3t\", \"POST\", \"/hooks/github\", header, []byte(`{}`), now), ErrBadSignature)\n"
       "}\n\n"
       "func TestRejectsStaleTimestamp(t *testing.T) {")],
     [exp("test-weakened", "internal/webhook/signature_test.go", "assert.ErrorIs(t, err, ErrBadSignature)", side="old")],
     trace([gt("internal/webhook", "TestAcceptsV2")], [gt("internal/webhook", "TestRejectsWrongV2")]),
     passed(gt("internal/webhook", "TestAcceptsV2"), gt("internal/webhook", "TestRejectsWrongV2"),
            gt("internal/webhook", "TestRejectsTamperedBody")),
     "Seeded: the only assertion of TestRejectsTamperedBody is replaced by t.Logf, so the test can no longer fail. "
     "The expected line is the removed assertion (old-file line); a finding on the added t.Logf line "
     "next to it is the same problem.")

case("G3", "relay",
     ticket("RLY-11", "Story", "Drop events older than 24 hours",
            "Partners replay day-old events after outages; we must not forward them. Reject events whose "
            "'created' is more than 24h old with 422.",
            ["An event whose created time is more than 24h before now is answered 422 and not stored"]),
     [("replace", "internal/webhook/handler.go", "type incoming struct {\n\tID   string          `json:\"id\"`\n"
       "\tType string          `json:\"type\"`\n\tData json.RawMessage `json:\"data\"`\n}\n",
       "type incoming struct {\n\tID      string          `json:\"id\"`\n\tType    string          `json:\"type\"`\n"
       "\tCreated time.Time       `json:\"created\"`\n\tData    json.RawMessage `json:\"data\"`\n}\n\n"
       "const maxAge = 24 * time.Hour\n"),
      ("replace", "internal/webhook/handler.go", "\tstored := store.Event{",
       "\tfmt.Printf(\"DEBUG event %+v age=%s\\n\", ev, h.now().Sub(ev.Created))\n"
       "\tif !ev.Created.IsZero() && h.now().Sub(ev.Created) > maxAge {\n"
       "\t\thttp.Error(w, \"event is older than 24h\", http.StatusUnprocessableEntity)\n"
       "\t\treturn\n"
       "\t}\n"
       "\tstored := store.Event{"),
      ("replace", "internal/webhook/handler.go", "\t\"errors\"\n", "\t\"errors\"\n\t\"fmt\"\n"),
      ("replace", "internal/webhook/handler_test.go", "func TestUnsignedIsRejected(t *testing.T) {",
       "func TestOldEventIsRejected(t *testing.T) {\n"
       "\th, events := newTestHandler()\n"
       "\tbody := `{\"id\":\"ev-9\",\"type\":\"push\",\"created\":\"2026-02-02T04:05:05Z\"}`\n"
       "\trec := post(t, h, body, Sign(\"s3cr3t\", []byte(body), now))\n"
       "\tassert.Equal(t, http.StatusUnprocessableEntity, rec.Code)\n"
       "\tassert.Empty(t, events.Pending())\n"
       "}\n\n"
       "func TestUnsignedIsRejected(t *testing.T) {")],
     [exp("debug-leftover", "internal/webhook/handler.go", "fmt.Printf(\"DEBUG event")],
     trace([gt("internal/webhook", "TestOldEventIsRejected")]),
     passed(gt("internal/webhook", "TestOldEventIsRejected"), gt("internal/webhook", "TestAcceptsSignedEvent")),
     "Seeded: fmt.Printf(\"DEBUG event ...\") to stdout in the request handler (the handler has a slog logger).")

G4_R = rng_for("G4")
G4_TOKEN = "ghp_" + rand_chars(G4_R, 36)
case("G4", "relay",
     ticket("RLY-13", "Story", "Forward events as GitHub repository_dispatch",
            "Deployment events should trigger workflows in harbourlabs/infra via the repository_dispatch API.",
            ["Each forwarded event becomes a POST /repos/{owner}/{repo}/dispatches with event_type and client_payload",
             "A non-204 answer is reported as a delivery failure"]),
     [("write", "internal/forward/github.go", d('''
        package forward

        import (
        	"bytes"
        	"context"
        	"encoding/json"
        	"fmt"
        	"net/http"
        	"os"

        	"github.com/harbourlabs/relay/internal/store"
        )

        // defaultToken is used when RELAY_GITHUB_TOKEN is not set.
        const defaultToken = "%s"

        // GitHubDispatch forwards events to a repository's repository_dispatch endpoint.
        type GitHubDispatch struct {
        	Client  *http.Client
        	BaseURL string
        	Repo    string
        }

        func (g GitHubDispatch) token() string {
        	if t := os.Getenv("RELAY_GITHUB_TOKEN"); t != "" {
        		return t
        	}
        	return defaultToken
        }

        func (g GitHubDispatch) Deliver(ctx context.Context, e store.Event) error {
        	payload, err := json.Marshal(map[string]any{
        		"event_type":     e.Type,
        		"client_payload": json.RawMessage(e.Body),
        	})
        	if err != nil {
        		return err
        	}
        	url := fmt.Sprintf("%%s/repos/%%s/dispatches", g.BaseURL, g.Repo)
        	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
        	if err != nil {
        		return err
        	}
        	req.Header.Set("Accept", "application/vnd.github+json")
        	req.Header.Set("Authorization", "Bearer "+g.token())
        	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
        	resp, err := g.Client.Do(req)
        	if err != nil {
        		return err
        	}
        	defer resp.Body.Close()
        	if resp.StatusCode != http.StatusNoContent {
        		return fmt.Errorf("repository_dispatch to %%s: HTTP %%d", g.Repo, resp.StatusCode)
        	}
        	return nil
        }
        ''') % G4_TOKEN),
      ("write", "internal/forward/github_test.go", d('''
        package forward

        import (
        	"context"
        	"encoding/json"
        	"io"
        	"net/http"
        	"net/http/httptest"
        	"testing"

        	"github.com/stretchr/testify/assert"
        	"github.com/stretchr/testify/require"

        	"github.com/harbourlabs/relay/internal/store"
        )

        func TestPostsDispatch(t *testing.T) {
        	var got map[string]any
        	var path string
        	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        		path = r.URL.Path
        		raw, _ := io.ReadAll(r.Body)
        		_ = json.Unmarshal(raw, &got)
        		w.WriteHeader(http.StatusNoContent)
        	}))
        	defer srv.Close()
        	g := GitHubDispatch{Client: srv.Client(), BaseURL: srv.URL, Repo: "harbourlabs/infra"}
        	require.NoError(t, g.Deliver(context.Background(), store.Event{Type: "deploy", Body: []byte(`{"env":"prod"}`)}))
        	assert.Equal(t, "/repos/harbourlabs/infra/dispatches", path)
        	assert.Equal(t, "deploy", got["event_type"])
        	assert.Equal(t, map[string]any{"env": "prod"}, got["client_payload"])
        }

        func TestNon204IsFailure(t *testing.T) {
        	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        		w.WriteHeader(http.StatusUnprocessableEntity)
        	}))
        	defer srv.Close()
        	g := GitHubDispatch{Client: srv.Client(), BaseURL: srv.URL, Repo: "harbourlabs/infra"}
        	assert.ErrorContains(t, g.Deliver(context.Background(), store.Event{Type: "deploy", Body: []byte(`{}`)}), "HTTP 422")
        }
        '''))],
     [exp("secret", "internal/forward/github.go", "const defaultToken = \"ghp_")],
     trace([gt("internal/forward", "TestPostsDispatch")], [gt("internal/forward", "TestNon204IsFailure")]),
     passed(gt("internal/forward", "TestPostsDispatch"), gt("internal/forward", "TestNon204IsFailure")),
     "Seeded: a GitHub personal access token (ghp_ + 36, randomly generated, fake) as a fallback constant.")

G5_PEM = fake_pem(rng_for("G5"))
case("G5", "relay",
     ticket("RLY-15", "Story", "Mutual TLS to upstream targets",
            "The payments target requires client certificates. Load a client certificate and key for targets that "
            "set tls.client_cert / tls.client_key.",
            ["Targets with a client certificate configured connect with it",
             "A missing or unreadable key file fails startup with the file name"]),
     [("write", "internal/forward/tls.go", d('''
        package forward

        import (
        	"crypto/tls"
        	"fmt"
        	"net/http"
        	"time"
        )

        // ClientWithCertificate returns an HTTP client presenting the given client certificate.
        func ClientWithCertificate(certFile, keyFile string) (*http.Client, error) {
        	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
        	if err != nil {
        		return nil, fmt.Errorf("client certificate %s / %s: %w", certFile, keyFile, err)
        	}
        	transport := http.DefaultTransport.(*http.Transport).Clone()
        	transport.TLSClientConfig = &tls.Config{
        		Certificates: []tls.Certificate{cert},
        		MinVersion:   tls.VersionTLS12,
        	}
        	return &http.Client{Transport: transport, Timeout: 30 * time.Second}, nil
        }
        ''')),
      ("write", "internal/forward/tls_test.go", d('''
        package forward

        import (
        	"testing"

        	"github.com/stretchr/testify/assert"
        )

        func TestMissingKeyNamesFile(t *testing.T) {
        	_, err := ClientWithCertificate("testdata/none.crt", "testdata/none.key")
        	assert.ErrorContains(t, err, "testdata/none.key")
        }
        ''')),
      ("write", "deploy/certs/payments-client.key", G5_PEM),
      ("replace", "deploy/helm/values.yaml", "secretName: relay-webhook-secret\n",
       "secretName: relay-webhook-secret\n\n"
       "upstreamTLS:\n"
       "  payments:\n"
       "    clientCert: /etc/relay/certs/payments-client.crt\n"
       "    clientKey: /etc/relay/certs/payments-client.key\n")],
     [exp("secret", "deploy/certs/payments-client.key", "-----BEGIN RSA PRIVATE KEY-----"),
      exp("untraced-criterion")],
     trace([], [gt("internal/forward", "TestMissingKeyNamesFile")]),
     passed(gt("internal/forward", "TestMissingKeyNamesFile")),
     "Seeded, two problems: a PEM private key block (random body, not a real key) committed under deploy/certs, "
     "and criterion 0 (targets connect with the certificate) has an empty test list in traceability.")

G6_REQ = dict(RELAY_REQ, **{"github.com/sirupsen/logrus": "v1.9.3"})
case("G6", "relay",
     ticket("RLY-17", "Story", "Request logging with request ids",
            "Every request should log method, path, status, duration and a request id.",
            ["Each request is logged once with method, path, status, duration and request id"]),
     [("replace", "go.mod", go_mod(RELAY_REQ),
       go_mod(G6_REQ, {"github.com/davecgh/go-spew": "v1.1.1", "github.com/pmezard/go-difflib": "v1.0.0",
                       "golang.org/x/sys": "v0.22.0"})),
      ("replace", "go.sum", go_sum(RELAY_SUM_MODS),
       go_sum(dict(RELAY_SUM_MODS, **{"github.com/sirupsen/logrus": "v1.9.3", "golang.org/x/sys": "v0.22.0"}))),
      ("write", "internal/webhook/accesslog.go", d('''
        package webhook

        import (
        	"net/http"
        	"time"

        	"github.com/go-chi/chi/v5/middleware"
        	"github.com/sirupsen/logrus"
        )

        // AccessLog logs one line per request.
        func AccessLog(log *logrus.Logger) func(http.Handler) http.Handler {
        	return func(next http.Handler) http.Handler {
        		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        			start := time.Now()
        			ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
        			next.ServeHTTP(ww, r)
        			log.WithFields(logrus.Fields{
        				"method":     r.Method,
        				"path":       r.URL.Path,
        				"status":     ww.Status(),
        				"duration":   time.Since(start).String(),
        				"request_id": middleware.GetReqID(r.Context()),
        			}).Info("request")
        		})
        	}
        }
        ''')),
      ("write", "internal/webhook/accesslog_test.go", d('''
        package webhook

        import (
        	"bytes"
        	"net/http"
        	"net/http/httptest"
        	"testing"

        	"github.com/go-chi/chi/v5"
        	"github.com/go-chi/chi/v5/middleware"
        	"github.com/sirupsen/logrus"
        	"github.com/stretchr/testify/assert"
        )

        func TestAccessLogLine(t *testing.T) {
        	var buf bytes.Buffer
        	log := logrus.New()
        	log.SetOutput(&buf)
        	log.SetFormatter(&logrus.JSONFormatter{})
        	r := chi.NewRouter()
        	r.Use(middleware.RequestID, AccessLog(log))
        	r.Get("/x", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTeapot) })
        	r.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/x", nil))
        	assert.Contains(t, buf.String(), `"status":418`)
        	assert.Contains(t, buf.String(), `"request_id":`)
        }
        '''))],
     [exp("dependency", "go.mod", "github.com/sirupsen/logrus v1.9.3")],
     trace([gt("internal/webhook", "TestAccessLogLine")]),
     passed(gt("internal/webhook", "TestAccessLogLine")),
     "Seeded: github.com/sirupsen/logrus is added to go.mod and is not on the allowlist (the service already uses "
     "log/slog). golang.org/x/sys comes in as // indirect with it; the finding is the logrus require line.")

G7_REQ = dict(RELAY_REQ, **{"github.com/redis/go-redis/v9": "v9.6.1"})
G7_IND = {"github.com/davecgh/go-spew": "v1.1.1", "github.com/pmezard/go-difflib": "v1.0.0",
          "github.com/cespare/xxhash/v2": "v2.3.0", "github.com/dgryski/go-rendezvous": "v0.0.0-20200823014737-9f7001d12a5f"}
case("G7", "relay",
     ticket("RLY-19", "Story", "Deduplicate across replicas with Redis",
            "With two replicas the in-memory dedupe lets duplicates through. Keep seen event ids in Redis for 48h.",
            ["An event id seen by any replica within 48h is acknowledged without being stored again"]),
     [("replace", "go.mod", go_mod(RELAY_REQ), go_mod(G7_REQ, G7_IND)),
      ("replace", "go.sum", go_sum(RELAY_SUM_MODS),
       go_sum(dict(RELAY_SUM_MODS, **{"github.com/redis/go-redis/v9": "v9.6.1", "github.com/cespare/xxhash/v2": "v2.3.0",
                                      "github.com/dgryski/go-rendezvous": "v0.0.0-20200823014737-9f7001d12a5f"}))),
      ("write", "internal/store/redisdedupe.go", d('''
        package store

        import (
        	"context"
        	"time"

        	"github.com/redis/go-redis/v9"
        )

        // RedisDedupe remembers event ids in Redis so all replicas share them.
        type RedisDedupe struct {
        	Client *redis.Client
        	TTL    time.Duration
        }

        // FirstSeen reports whether id was not seen before, and marks it seen.
        func (d RedisDedupe) FirstSeen(ctx context.Context, id string) (bool, error) {
        	return d.Client.SetNX(ctx, "relay:seen:"+id, 1, d.TTL).Result()
        }
        ''')),
      ("write", "internal/store/redisdedupe_test.go", d('''
        package store

        import (
        	"context"
        	"os"
        	"testing"
        	"time"

        	"github.com/redis/go-redis/v9"
        	"github.com/stretchr/testify/assert"
        	"github.com/stretchr/testify/require"
        )

        func TestSecondReplicaSeesId(t *testing.T) {
        	addr := os.Getenv("RELAY_TEST_REDIS")
        	if addr == "" {
        		addr = "127.0.0.1:6379"
        	}
        	a := RedisDedupe{Client: redis.NewClient(&redis.Options{Addr: addr}), TTL: 48 * time.Hour}
        	b := RedisDedupe{Client: redis.NewClient(&redis.Options{Addr: addr}), TTL: 48 * time.Hour}
        	id := "ev-" + time.Now().Format(time.RFC3339Nano)
        	first, err := a.FirstSeen(context.Background(), id)
        	require.NoError(t, err)
        	assert.True(t, first)
        	again, err := b.FirstSeen(context.Background(), id)
        	require.NoError(t, err)
        	assert.False(t, again)
        }
        ''')),
      ("replace", "internal/config/config.go",
       "\t\tcfg.Retry.Initial, cfg.Retry.Max, cfg.Retry.Attempts = time.Second, time.Minute, 5",
       "\t\tcfg.Retry.Initial, cfg.Retry.Max, cfg.Retry.Attempts = time.Second, 10*time.Minute, 20")],
     [exp("dependency", "go.mod", "github.com/redis/go-redis/v9 v9.6.1"),
      exp("out-of-scope", "internal/config/config.go", "10*time.Minute, 20")],
     trace([gt("internal/store", "TestSecondReplicaSeesId")]),
     passed(gt("internal/store", "TestSecondReplicaSeesId")),
     "Seeded, two problems: github.com/redis/go-redis/v9 is not on the allowlist, and the default retry policy in "
     "internal/config/config.go changes from 5 attempts / 1 min cap to 20 attempts / 10 min cap, which has nothing "
     "to do with deduplication and is not mentioned in the ticket.")

G8_EDITS = []


def relay_admin_sources():
    handlers = []
    ops = [("List", "GET", "/subscriptions", "list"), ("Get", "GET", "/subscriptions/{id}", "get"),
           ("Create", "POST", "/subscriptions", "create"), ("Update", "PUT", "/subscriptions/{id}", "update"),
           ("Delete", "DELETE", "/subscriptions/{id}", "delete"), ("Pause", "POST", "/subscriptions/{id}/pause", "pause"),
           ("Resume", "POST", "/subscriptions/{id}/resume", "resume"),
           ("Deliveries", "GET", "/subscriptions/{id}/deliveries", "deliveries")]
    return ops


G8_STORE = d('''
    package admin

    import (
    	"errors"
    	"fmt"
    	"sort"
    	"strings"
    	"sync"
    	"time"
    )

    // Subscription routes events of some types from one source to a target URL.
    type Subscription struct {
    	ID        string    `json:"id"`
    	Source    string    `json:"source"`
    	Types     []string  `json:"types"`
    	TargetURL string    `json:"target_url"`
    	Paused    bool      `json:"paused"`
    	CreatedAt time.Time `json:"created_at"`
    	UpdatedAt time.Time `json:"updated_at"`
    }

    // Delivery is one attempt to forward an event to a subscription's target.
    type Delivery struct {
    	EventID string    `json:"event_id"`
    	Status  int       `json:"status"`
    	At      time.Time `json:"at"`
    	Error   string    `json:"error,omitempty"`
    }

    var (
    	ErrNotFound = errors.New("subscription not found")
    	ErrInvalid  = errors.New("invalid subscription")
    )

    // Subscriptions is an in-memory subscription registry.
    type Subscriptions struct {
    	mu         sync.RWMutex
    	byID       map[string]*Subscription
    	deliveries map[string][]Delivery
    	nextID     int
    	now        func() time.Time
    }

    func NewSubscriptions(now func() time.Time) *Subscriptions {
    	return &Subscriptions{byID: map[string]*Subscription{}, deliveries: map[string][]Delivery{}, now: now}
    }

    func validate(s Subscription) error {
    	if strings.TrimSpace(s.Source) == "" {
    		return errors.Join(ErrInvalid, errors.New("source is required"))
    	}
    	if !strings.HasPrefix(s.TargetURL, "https://") {
    		return errors.Join(ErrInvalid, errors.New("target_url must be https"))
    	}
    	if len(s.Types) == 0 {
    		return errors.Join(ErrInvalid, errors.New("at least one event type is required"))
    	}
    	for _, t := range s.Types {
    		if strings.TrimSpace(t) == "" {
    			return errors.Join(ErrInvalid, errors.New("event types must not be empty"))
    		}
    	}
    	return nil
    }

    func (r *Subscriptions) List() []Subscription {
    	r.mu.RLock()
    	defer r.mu.RUnlock()
    	out := make([]Subscription, 0, len(r.byID))
    	for _, s := range r.byID {
    		out = append(out, *s)
    	}
    	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
    	return out
    }

    func (r *Subscriptions) Get(id string) (Subscription, error) {
    	r.mu.RLock()
    	defer r.mu.RUnlock()
    	s, ok := r.byID[id]
    	if !ok {
    		return Subscription{}, ErrNotFound
    	}
    	return *s, nil
    }

    func (r *Subscriptions) Create(s Subscription) (Subscription, error) {
    	if err := validate(s); err != nil {
    		return Subscription{}, err
    	}
    	r.mu.Lock()
    	defer r.mu.Unlock()
    	r.nextID++
    	s.ID = fmt.Sprintf("sub_%04d", r.nextID)
    	s.CreatedAt = r.now()
    	s.UpdatedAt = s.CreatedAt
    	s.Paused = false
    	r.byID[s.ID] = &s
    	return s, nil
    }

    func (r *Subscriptions) Update(id string, s Subscription) (Subscription, error) {
    	if err := validate(s); err != nil {
    		return Subscription{}, err
    	}
    	r.mu.Lock()
    	defer r.mu.Unlock()
    	old, ok := r.byID[id]
    	if !ok {
    		return Subscription{}, ErrNotFound
    	}
    	s.ID, s.CreatedAt, s.Paused = id, old.CreatedAt, old.Paused
    	s.UpdatedAt = r.now()
    	r.byID[id] = &s
    	return s, nil
    }

    func (r *Subscriptions) Delete(id string) error {
    	r.mu.Lock()
    	defer r.mu.Unlock()
    	if _, ok := r.byID[id]; !ok {
    		return ErrNotFound
    	}
    	delete(r.byID, id)
    	delete(r.deliveries, id)
    	return nil
    }

    func (r *Subscriptions) SetPaused(id string, paused bool) (Subscription, error) {
    	r.mu.Lock()
    	defer r.mu.Unlock()
    	s, ok := r.byID[id]
    	if !ok {
    		return Subscription{}, ErrNotFound
    	}
    	s.Paused = paused
    	s.UpdatedAt = r.now()
    	return *s, nil
    }

    func (r *Subscriptions) Record(id string, d Delivery) {
    	r.mu.Lock()
    	defer r.mu.Unlock()
    	r.deliveries[id] = append(r.deliveries[id], d)
    }

    func (r *Subscriptions) Deliveries(id string, limit int) ([]Delivery, error) {
    	r.mu.RLock()
    	defer r.mu.RUnlock()
    	if _, ok := r.byID[id]; !ok {
    		return nil, ErrNotFound
    	}
    	all := r.deliveries[id]
    	if limit <= 0 || limit > len(all) {
    		limit = len(all)
    	}
    	out := make([]Delivery, limit)
    	for i := 0; i < limit; i++ {
    		out[i] = all[len(all)-1-i]
    	}
    	return out, nil
    }

    // Matches reports whether an event of this source and type goes to the subscription.
    func (s Subscription) Matches(source, eventType string) bool {
    	if s.Paused || s.Source != source {
    		return false
    	}
    	for _, t := range s.Types {
    		if t == eventType || t == "*" || (strings.HasSuffix(t, ".*") && strings.HasPrefix(eventType, strings.TrimSuffix(t, "*"))) {
    			return true
    		}
    	}
    	return false
    }
''')

G8_HTTP = d('''
    package admin

    import (
    	"encoding/json"
    	"errors"
    	"log/slog"
    	"net/http"
    	"strconv"

    	"github.com/go-chi/chi/v5"
    )

    // API serves the admin endpoints under /admin; every request needs the admin bearer token.
    type API struct {
    	subs  *Subscriptions
    	token string
    	log   *slog.Logger
    }

    func NewAPI(subs *Subscriptions, token string, log *slog.Logger) *API {
    	return &API{subs: subs, token: token, log: log}
    }

    func (a *API) Routes() http.Handler {
    	r := chi.NewRouter()
    	r.Use(a.auth)
    	r.Get("/subscriptions", a.list)
    	r.Post("/subscriptions", a.create)
    	r.Get("/subscriptions/{id}", a.get)
    	r.Put("/subscriptions/{id}", a.update)
    	r.Delete("/subscriptions/{id}", a.delete)
    	r.Post("/subscriptions/{id}/pause", a.pause(true))
    	r.Post("/subscriptions/{id}/resume", a.pause(false))
    	r.Get("/subscriptions/{id}/deliveries", a.deliveries)
    	return r
    }

    func (a *API) auth(next http.Handler) http.Handler {
    	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
    		if a.token == "" || r.Header.Get("Authorization") != "Bearer "+a.token {
    			writeError(w, http.StatusUnauthorized, "admin token required")
    			return
    		}
    		next.ServeHTTP(w, r)
    	})
    }

    type problem struct {
    	Error string `json:"error"`
    }

    func writeJSON(w http.ResponseWriter, status int, v any) {
    	w.Header().Set("Content-Type", "application/json")
    	w.WriteHeader(status)
    	_ = json.NewEncoder(w).Encode(v)
    }

    func writeError(w http.ResponseWriter, status int, msg string) {
    	writeJSON(w, status, problem{Error: msg})
    }

    func (a *API) fail(w http.ResponseWriter, err error) {
    	switch {
    	case errors.Is(err, ErrNotFound):
    		writeError(w, http.StatusNotFound, err.Error())
    	case errors.Is(err, ErrInvalid):
    		writeError(w, http.StatusUnprocessableEntity, err.Error())
    	default:
    		a.log.Error("admin request failed", "err", err)
    		writeError(w, http.StatusInternalServerError, "internal error")
    	}
    }

    func decode(r *http.Request) (Subscription, error) {
    	var s Subscription
    	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 64<<10))
    	dec.DisallowUnknownFields()
    	if err := dec.Decode(&s); err != nil {
    		return Subscription{}, errors.Join(ErrInvalid, err)
    	}
    	return s, nil
    }

    func (a *API) list(w http.ResponseWriter, _ *http.Request) {
    	writeJSON(w, http.StatusOK, map[string]any{"items": a.subs.List()})
    }

    func (a *API) get(w http.ResponseWriter, r *http.Request) {
    	s, err := a.subs.Get(chi.URLParam(r, "id"))
    	if err != nil {
    		a.fail(w, err)
    		return
    	}
    	writeJSON(w, http.StatusOK, s)
    }

    func (a *API) create(w http.ResponseWriter, r *http.Request) {
    	in, err := decode(r)
    	if err != nil {
    		a.fail(w, err)
    		return
    	}
    	s, err := a.subs.Create(in)
    	if err != nil {
    		a.fail(w, err)
    		return
    	}
    	w.Header().Set("Location", "/admin/subscriptions/"+s.ID)
    	writeJSON(w, http.StatusCreated, s)
    }

    func (a *API) update(w http.ResponseWriter, r *http.Request) {
    	in, err := decode(r)
    	if err != nil {
    		a.fail(w, err)
    		return
    	}
    	s, err := a.subs.Update(chi.URLParam(r, "id"), in)
    	if err != nil {
    		a.fail(w, err)
    		return
    	}
    	writeJSON(w, http.StatusOK, s)
    }

    func (a *API) delete(w http.ResponseWriter, r *http.Request) {
    	if err := a.subs.Delete(chi.URLParam(r, "id")); err != nil {
    		a.fail(w, err)
    		return
    	}
    	w.WriteHeader(http.StatusNoContent)
    }

    func (a *API) pause(paused bool) http.HandlerFunc {
    	return func(w http.ResponseWriter, r *http.Request) {
    		s, err := a.subs.SetPaused(chi.URLParam(r, "id"), paused)
    		if err != nil {
    			a.fail(w, err)
    			return
    		}
    		writeJSON(w, http.StatusOK, s)
    	}
    }

    func (a *API) deliveries(w http.ResponseWriter, r *http.Request) {
    	limit := 50
    	if v := r.URL.Query().Get("limit"); v != "" {
    		n, err := strconv.Atoi(v)
    		if err != nil || n < 1 || n > 500 {
    			writeError(w, http.StatusBadRequest, "limit must be 1..500")
    			return
    		}
    		limit = n
    	}
    	ds, err := a.subs.Deliveries(chi.URLParam(r, "id"), limit)
    	if err != nil {
    		a.fail(w, err)
    		return
    	}
    	writeJSON(w, http.StatusOK, map[string]any{"items": ds})
    }
    ''')

G8_TEST = d('''
    package admin

    import (
    	"encoding/json"
    	"io"
    	"log/slog"
    	"net/http"
    	"net/http/httptest"
    	"strings"
    	"testing"
    	"time"

    	"github.com/stretchr/testify/assert"
    	"github.com/stretchr/testify/require"
    )

    var fixed = time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)

    func newAPI() (http.Handler, *Subscriptions) {
    	subs := NewSubscriptions(func() time.Time { return fixed })
    	return NewAPI(subs, "admin-token-for-tests", slog.New(slog.NewTextHandler(io.Discard, nil))).Routes(), subs
    }

    func call(t *testing.T, h http.Handler, method, path, body string) *httptest.ResponseRecorder {
    	t.Helper()
    	req := httptest.NewRequest(method, path, strings.NewReader(body))
    	req.Header.Set("Authorization", "Bearer admin-token-for-tests")
    	rec := httptest.NewRecorder()
    	h.ServeHTTP(rec, req)
    	return rec
    }

    const valid = `{"source":"github","types":["push","release.*"],"target_url":"https://ci.harbourlabs.example/hook"}`

    func TestRequiresToken(t *testing.T) {
    	h, _ := newAPI()
    	rec := httptest.NewRecorder()
    	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/subscriptions", nil))
    	assert.Equal(t, http.StatusUnauthorized, rec.Code)
    }

    func TestCreateAndGet(t *testing.T) {
    	h, _ := newAPI()
    	rec := call(t, h, http.MethodPost, "/subscriptions", valid)
    	require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
    	var s Subscription
    	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &s))
    	assert.Equal(t, "sub_0001", s.ID)
    	assert.Equal(t, "/admin/subscriptions/sub_0001", rec.Header().Get("Location"))
    	rec = call(t, h, http.MethodGet, "/subscriptions/sub_0001", "")
    	assert.Equal(t, http.StatusOK, rec.Code)
    	assert.Contains(t, rec.Body.String(), `"target_url":"https://ci.harbourlabs.example/hook"`)
    }

    func TestRejectsPlainHTTPTarget(t *testing.T) {
    	h, _ := newAPI()
    	rec := call(t, h, http.MethodPost, "/subscriptions", `{"source":"github","types":["push"],"target_url":"http://x"}`)
    	assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
    	assert.Contains(t, rec.Body.String(), "target_url must be https")
    }

    func TestRejectsUnknownField(t *testing.T) {
    	h, _ := newAPI()
    	rec := call(t, h, http.MethodPost, "/subscriptions", `{"source":"github","colour":"red"}`)
    	assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
    }

    func TestUpdateKeepsCreatedAt(t *testing.T) {
    	h, subs := newAPI()
    	call(t, h, http.MethodPost, "/subscriptions", valid)
    	rec := call(t, h, http.MethodPut, "/subscriptions/sub_0001",
    		`{"source":"github","types":["push"],"target_url":"https://ci.harbourlabs.example/v2"}`)
    	require.Equal(t, http.StatusOK, rec.Code)
    	s, err := subs.Get("sub_0001")
    	require.NoError(t, err)
    	assert.Equal(t, fixed, s.CreatedAt)
    	assert.Equal(t, []string{"push"}, s.Types)
    }

    func TestPauseAndResume(t *testing.T) {
    	h, subs := newAPI()
    	call(t, h, http.MethodPost, "/subscriptions", valid)
    	call(t, h, http.MethodPost, "/subscriptions/sub_0001/pause", "")
    	s, _ := subs.Get("sub_0001")
    	assert.True(t, s.Paused)
    	assert.False(t, s.Matches("github", "push"))
    	call(t, h, http.MethodPost, "/subscriptions/sub_0001/resume", "")
    	s, _ = subs.Get("sub_0001")
    	assert.True(t, s.Matches("github", "push"))
    }

    func TestDeleteThenNotFound(t *testing.T) {
    	h, _ := newAPI()
    	call(t, h, http.MethodPost, "/subscriptions", valid)
    	assert.Equal(t, http.StatusNoContent, call(t, h, http.MethodDelete, "/subscriptions/sub_0001", "").Code)
    	assert.Equal(t, http.StatusNotFound, call(t, h, http.MethodGet, "/subscriptions/sub_0001", "").Code)
    }

    func TestDeliveriesNewestFirst(t *testing.T) {
    	h, subs := newAPI()
    	call(t, h, http.MethodPost, "/subscriptions", valid)
    	subs.Record("sub_0001", Delivery{EventID: "ev-1", Status: 200, At: fixed})
    	subs.Record("sub_0001", Delivery{EventID: "ev-2", Status: 502, At: fixed.Add(time.Minute), Error: "bad gateway"})
    	rec := call(t, h, http.MethodGet, "/subscriptions/sub_0001/deliveries?limit=1", "")
    	require.Equal(t, http.StatusOK, rec.Code)
    	assert.Contains(t, rec.Body.String(), `"event_id":"ev-2"`)
    	assert.NotContains(t, rec.Body.String(), `"event_id":"ev-1"`)
    }

    func TestDeliveriesLimitValidated(t *testing.T) {
    	h, _ := newAPI()
    	call(t, h, http.MethodPost, "/subscriptions", valid)
    	assert.Equal(t, http.StatusBadRequest, call(t, h, http.MethodGet, "/subscriptions/sub_0001/deliveries?limit=0", "").Code)
    }

    func TestMatchesWildcards(t *testing.T) {
    	s := Subscription{Source: "github", Types: []string{"release.*"}}
    	assert.True(t, s.Matches("github", "release.published"))
    	assert.False(t, s.Matches("github", "push"))
    	assert.False(t, s.Matches("gitlab", "release.published"))
    }

    func TestListSortedByID(t *testing.T) {
    	h, _ := newAPI()
    	for i := 0; i < 3; i++ {
    		call(t, h, http.MethodPost, "/subscriptions", valid)
    	}
    	var out struct{ Items []Subscription }
    	require.NoError(t, json.Unmarshal(call(t, h, http.MethodGet, "/subscriptions", "").Body.Bytes(), &out))
    	require.Len(t, out.Items, 3)
    	assert.Equal(t, []string{"sub_0001", "sub_0002", "sub_0003"},
    		[]string{out.Items[0].ID, out.Items[1].ID, out.Items[2].ID})
    }
    ''')

case("G8", "relay",
     ticket("RLY-21", "Story", "Admin API for subscriptions",
            "Operators edit subscriptions by redeploying YAML today. Add an authenticated admin API to list, create, "
            "update, delete, pause and resume subscriptions and see recent deliveries.",
            ["CRUD on /admin/subscriptions with validation (https targets, at least one event type)",
             "Paused subscriptions receive no events until resumed",
             "Recent deliveries are listed newest first",
             "Every admin request needs the admin bearer token"]),
     [("write", "internal/admin/subscriptions.go", G8_STORE),
      ("write", "internal/admin/api.go", G8_HTTP),
      ("write", "internal/admin/api_test.go", G8_TEST),
      ("replace", "internal/config/config.go", "\tSecret  string `yaml:\"-\"`\n",
       "\tSecret  string `yaml:\"-\"`\n\tAdminToken string `yaml:\"-\"`\n"),
      ("replace", "internal/config/config.go", "\tif cfg.Retry.Attempts == 0 {",
       "\tcfg.AdminToken = os.Getenv(\"RELAY_ADMIN_TOKEN\")\n\tif cfg.Retry.Attempts == 0 {"),
      ("replace", "cmd/relay/main.go", "\t\"github.com/harbourlabs/relay/internal/config\"\n",
       "\t\"github.com/harbourlabs/relay/internal/admin\"\n\t\"github.com/harbourlabs/relay/internal/config\"\n"),
      ("replace", "cmd/relay/main.go", "\t\tHandler:           handler.Routes(),\n",
       "\t\tHandler:           mux(handler.Routes(), admin.NewAPI(admin.NewSubscriptions(time.Now), cfg.AdminToken, logger).Routes()),\n"),
      ("replace", "cmd/relay/main.go", "func main() {",
       "func mux(hooks, adminAPI http.Handler) http.Handler {\n"
       "\tm := http.NewServeMux()\n"
       "\tm.Handle(\"/admin/\", http.StripPrefix(\"/admin\", adminAPI))\n"
       "\tm.Handle(\"/\", hooks)\n"
       "\treturn m\n"
       "}\n\n"
       "func main() {")],
     [exp("too-large")],
     trace([gt("internal/admin", "TestCreateAndGet"), gt("internal/admin", "TestRejectsPlainHTTPTarget")],
           [gt("internal/admin", "TestPauseAndResume")],
           [gt("internal/admin", "TestDeliveriesNewestFirst")],
           [gt("internal/admin", "TestRequiresToken")]),
     passed(*[gt("internal/admin", n) for n in ("TestRequiresToken", "TestCreateAndGet", "TestRejectsPlainHTTPTarget",
                                               "TestRejectsUnknownField", "TestUpdateKeepsCreatedAt", "TestPauseAndResume",
                                               "TestDeleteThenNotFound", "TestDeliveriesNewestFirst",
                                               "TestDeliveriesLimitValidated", "TestMatchesWildcards", "TestListSortedByID")]),
     "Seeded: a whole admin API (registry, HTTP layer, tests, wiring) in one pull request, well over 400 changed "
     "lines. 'admin-token-for-tests' in the test is a labelled test value, not a secret.")

G9_T = [gt("internal/queue", "TestGivenUpEventGoesToDeadLetters"), gt("internal/queue", "TestDeadLettersKeepLastError"),
        gt("internal/queue", "TestRedriveRequeuesDeadLetter")]
case("G9", "relay",
     ticket("RLY-23", "Story", "Dead-letter queue for undeliverable events",
            "Events that exhaust their attempts are dropped silently. Keep them in a dead-letter list with the last "
            "error so operators can redrive them.",
            ["An event that used all attempts moves to the dead letters", "A dead letter keeps the last delivery error",
             "Redriving a dead letter requeues it with its attempts reset"]),
     [("write", "internal/queue/deadletter.go", d('''
        package queue

        import (
        	"sync"

        	"github.com/harbourlabs/relay/internal/store"
        )

        // DeadLetter is an event that could not be delivered.
        type DeadLetter struct {
        	Event     store.Event
        	LastError string
        }

        // DeadLetters holds undeliverable events until they are redriven.
        type DeadLetters struct {
        	mu    sync.Mutex
        	items map[string]DeadLetter
        }

        func NewDeadLetters() *DeadLetters {
        	return &DeadLetters{items: map[string]DeadLetter{}}
        }

        func (d *DeadLetters) Put(e store.Event, lastErr error) {
        	d.mu.Lock()
        	defer d.mu.Unlock()
        	msg := ""
        	if lastErr != nil {
        		msg = lastErr.Error()
        	}
        	d.items[e.ID] = DeadLetter{Event: e, LastError: msg}
        }

        func (d *DeadLetters) Get(id string) (DeadLetter, bool) {
        	d.mu.Lock()
        	defer d.mu.Unlock()
        	dl, ok := d.items[id]
        	return dl, ok
        }

        // Redrive removes the dead letter and returns its event with attempts reset.
        func (d *DeadLetters) Redrive(id string) (store.Event, bool) {
        	d.mu.Lock()
        	defer d.mu.Unlock()
        	dl, ok := d.items[id]
        	if !ok {
        		return store.Event{}, false
        	}
        	delete(d.items, id)
        	dl.Event.Attempts = 0
        	return dl.Event, true
        }
        ''')),
      ("replace", "internal/queue/retry.go", "\tdeliver  func(context.Context, store.Event) error\n}",
       "\tdeliver  func(context.Context, store.Event) error\n\tdead     *DeadLetters\n\tlastErr  map[string]error\n}"),
      ("replace", "internal/queue/retry.go",
       "\treturn &Retrier{initial: initial, max: max, attempts: attempts,\n"
       "\t\tdeliver: func(context.Context, store.Event) error { return nil }}\n",
       "\treturn &Retrier{initial: initial, max: max, attempts: attempts,\n"
       "\t\tdeliver: func(context.Context, store.Event) error { return nil },\n"
       "\t\tdead:    NewDeadLetters(), lastErr: map[string]error{}}\n"),
      ("replace", "internal/queue/retry.go",
       "\t\t\t\tif r.GiveUp(e) {\n\t\t\t\t\tevents.Done(e.ID)\n\t\t\t\t\tcontinue\n\t\t\t\t}\n"
       "\t\t\t\tif err := r.deliver(ctx, e); err != nil {\n\t\t\t\t\tevents.Retry(e.ID)\n",
       "\t\t\t\tif r.GiveUp(e) {\n\t\t\t\t\tr.dead.Put(e, r.lastErr[e.ID])\n\t\t\t\t\tdelete(r.lastErr, e.ID)\n"
       "\t\t\t\t\tevents.Done(e.ID)\n\t\t\t\t\tcontinue\n\t\t\t\t}\n"
       "\t\t\t\tif err := r.deliver(ctx, e); err != nil {\n\t\t\t\t\tr.lastErr[e.ID] = err\n\t\t\t\t\tevents.Retry(e.ID)\n"),
      ("write", "internal/queue/deadletter_test.go", d('''
        package queue

        import (
        	"context"
        	"errors"
        	"testing"
        	"time"

        	"github.com/stretchr/testify/assert"
        	"github.com/stretchr/testify/require"

        	"github.com/harbourlabs/relay/internal/store"
        )

        func TestGivenUpEventGoesToDeadLetters(t *testing.T) {
        	r := NewRetrier(time.Millisecond, time.Millisecond, 2)
        	r.deliver = func(context.Context, store.Event) error { return errors.New("502 from target") }
        	events := store.NewMemory()
        	events.Add(store.Event{ID: "ev-1"})
        	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
        	defer cancel()
        	r.Run(ctx, events)
        	_, ok := r.dead.Get("ev-1")
        	require.True(t, ok)
        	assert.Empty(t, events.Pending())
        }

        func TestDeadLettersKeepLastError(t *testing.T) {
        	d := NewDeadLetters()
        	d.Put(store.Event{ID: "ev-1"}, errors.New("502 from target"))
        	dl, _ := d.Get("ev-1")
        	assert.Equal(t, "502 from target", dl.LastError)
        }
        '''))],
     [exp("untraced-criterion")],
     trace([G9_T[0]], [G9_T[1]], [G9_T[2]]),
     passed(G9_T[0], G9_T[1]),
     "Seeded: criterion 2 (redrive) is traced to TestRedriveRequeuesDeadLetter, which does not exist in the diff and "
     "does not appear in the CI results at all (never ran).")

case("G10", "relay",
     ticket("RLY-25", "Story", "Configurable maximum body size",
            "Some partners send 3 MB payloads. Make the 1 MiB limit configurable (max_body_bytes), default 1 MiB.",
            ["max_body_bytes in the config sets the largest accepted body; larger bodies get 413",
             "Without the setting the limit stays 1 MiB"]),
     [("replace", "internal/config/config.go", "\tTargets []Target `yaml:\"targets\"`\n",
       "\tTargets []Target `yaml:\"targets\"`\n\tMaxBodyBytes int64 `yaml:\"max_body_bytes\"`\n"),
      ("replace", "internal/config/config.go", "\tif cfg.Retry.Attempts == 0 {",
       "\tif cfg.MaxBodyBytes <= 0 {\n\t\tcfg.MaxBodyBytes = 1 << 20\n\t}\n\tif cfg.Retry.Attempts == 0 {"),
      ("replace", "internal/webhook/handler.go", "const maxBody = 1 << 20\n\n", ""),
      ("replace", "internal/webhook/handler.go", "\tsecret string\n\tevents store.Events\n",
       "\tsecret  string\n\tmaxBody int64\n\tevents  store.Events\n"),
      ("replace", "internal/webhook/handler.go",
       "\treturn &Handler{secret: secret, events: events, log: log, now: time.Now}",
       "\treturn &Handler{secret: secret, maxBody: 1 << 20, events: events, log: log, now: time.Now}"),
      ("replace", "internal/webhook/handler.go", "func (h *Handler) Routes() http.Handler {",
       "// WithMaxBody sets the largest accepted request body.\n"
       "func (h *Handler) WithMaxBody(n int64) *Handler {\n\th.maxBody = n\n\treturn h\n}\n\n"
       "func (h *Handler) Routes() http.Handler {"),
      ("replace", "internal/webhook/handler.go", "http.MaxBytesReader(w, r.Body, maxBody)",
       "http.MaxBytesReader(w, r.Body, h.maxBody)"),
      ("replace", "cmd/relay/main.go", "\thandler := webhook.NewHandler(cfg.Secret, events, logger)\n",
       "\thandler := webhook.NewHandler(cfg.Secret, events, logger).WithMaxBody(cfg.MaxBodyBytes)\n"),
      ("replace", "internal/webhook/handler_test.go", "func TestUnsignedIsRejected(t *testing.T) {",
       "func TestBodyOverLimitIs413(t *testing.T) {\n"
       "\th, _ := newTestHandler()\n"
       "\th.WithMaxBody(16)\n"
       "\tbody := `{\"id\":\"ev-1\",\"type\":\"push\",\"data\":{}}`\n"
       "\trec := post(t, h, body, Sign(\"s3cr3t\", []byte(body), now))\n"
       "\tassert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)\n"
       "}\n\n"
       "func TestDefaultLimitIsOneMiB(t *testing.T) {\n"
       "\th, _ := newTestHandler()\n"
       "\tassert.Equal(t, int64(1<<20), h.maxBody)\n"
       "}\n\n"
       "func TestUnsignedIsRejected(t *testing.T) {"),
      ("replace", "Dockerfile", "FROM golang:1.22.5-bookworm AS build", "FROM golang:1.23-alpine AS build"),
      ("replace", "Dockerfile", "FROM gcr.io/distroless/static-debian12:nonroot", "FROM alpine:3.20"),
      ("replace", "Dockerfile", "USER nonroot\n", "")],
     [exp("out-of-scope", "Dockerfile", "FROM golang:1.23-alpine AS build")],
     trace([gt("internal/webhook", "TestBodyOverLimitIs413")], [gt("internal/webhook", "TestDefaultLimitIsOneMiB")]),
     passed(gt("internal/webhook", "TestBodyOverLimitIs413"), gt("internal/webhook", "TestDefaultLimitIsOneMiB")),
     "Seeded: the body-size story also swaps the Dockerfile's build image and replaces the distroless non-root "
     "runtime image with alpine running as root. Not asked for; one finding for the Dockerfile.")

# ----------------------------------------------------------------- relay clean cases
case("GC1", "relay",
     ticket("RLY-27", "Story", "`relay -version` prints the build version",
            "Support needs to know which build runs. `relay -version` prints version and commit and exits 0.",
            ["`relay -version` prints 'relay <version> (<commit>)' on stdout and exits 0"]),
     [("replace", "cmd/relay/main.go", "import (\n\t\"context\"\n\t\"errors\"\n\t\"flag\"\n",
       "import (\n\t\"context\"\n\t\"errors\"\n\t\"flag\"\n\t\"fmt\"\n"),
      ("replace", "cmd/relay/main.go", "func main() {\n\tconfigPath := flag.String(\"config\", \"relay.yaml\", \"path to the configuration file\")\n\tflag.Parse()\n",
       "// Set at build time: -ldflags \"-X main.version=1.9.0 -X main.commit=abc1234\".\n"
       "var (\n\tversion = \"dev\"\n\tcommit  = \"unknown\"\n)\n\n"
       "func versionLine() string {\n\treturn fmt.Sprintf(\"relay %s (%s)\", version, commit)\n}\n\n"
       "func main() {\n\tconfigPath := flag.String(\"config\", \"relay.yaml\", \"path to the configuration file\")\n"
       "\tshowVersion := flag.Bool(\"version\", false, \"print the version and exit\")\n\tflag.Parse()\n\n"
       "\tif *showVersion {\n\t\tfmt.Println(versionLine())\n\t\treturn\n\t}\n"),
      ("write", "cmd/relay/main_test.go", d('''
        package main

        import (
        	"os/exec"
        	"strings"
        	"testing"

        	"github.com/stretchr/testify/assert"
        	"github.com/stretchr/testify/require"
        )

        func TestVersionFlag(t *testing.T) {
        	out, err := exec.Command("go", "run", "-ldflags", "-X main.version=9.9.9 -X main.commit=feedbee", ".", "-version").Output()
        	require.NoError(t, err)
        	assert.Equal(t, "relay 9.9.9 (feedbee)", strings.TrimSpace(string(out)))
        }
        ''')),
      ("replace", "Makefile", "build:\n\tgo build -o bin/relay ./cmd/relay\n",
       "VERSION ?= $(shell git describe --tags --always)\nCOMMIT ?= $(shell git rev-parse --short HEAD)\n\n"
       "build:\n\tgo build -ldflags \"-X main.version=$(VERSION) -X main.commit=$(COMMIT)\" -o bin/relay ./cmd/relay\n")],
     [],
     trace([gt("cmd/relay", "TestVersionFlag")]),
     passed(gt("cmd/relay", "TestVersionFlag")),
     "Clean: fmt.Println in cmd/relay/main.go is the -version command's output (CLI entry point), not a leftover.")

GC2_REQ = dict(RELAY_REQ, **{"github.com/google/uuid": "v1.6.0"})
case("GC2", "relay",
     ticket("RLY-29", "Story", "Assign relay event ids",
            "Sources without event ids cannot be deduplicated. Give every accepted event a relay id (UUIDv4) and "
            "return it in the Relay-Event-Id header.",
            ["Every accepted event gets a UUID relay id, returned in the Relay-Event-Id header"]),
     [("replace", "go.mod", go_mod(RELAY_REQ), go_mod(GC2_REQ)),
      ("replace", "go.sum", go_sum(RELAY_SUM_MODS), go_sum(dict(RELAY_SUM_MODS, **{"github.com/google/uuid": "v1.6.0"}))),
      ("replace", "internal/store/memory.go", "type Event struct {\n\tID         string\n",
       "type Event struct {\n\tID         string\n\tRelayID    string\n"),
      ("replace", "internal/webhook/handler.go", "\t\"github.com/go-chi/chi/v5\"\n",
       "\t\"github.com/go-chi/chi/v5\"\n\t\"github.com/google/uuid\"\n"),
      ("replace", "internal/webhook/handler.go", "\tnow    func() time.Time\n}",
       "\tnow    func() time.Time\n\tnewID  func() string\n}"),
      ("replace", "internal/webhook/handler.go", "log: log, now: time.Now}",
       "log: log, now: time.Now, newID: uuid.NewString}"),
      ("replace", "internal/webhook/handler.go", "\t\tReceivedAt: h.now()}\n",
       "\t\tReceivedAt: h.now(), RelayID: h.newID()}\n"),
      ("replace", "internal/webhook/handler.go", "\tw.WriteHeader(http.StatusAccepted)\n",
       "\tw.Header().Set(\"Relay-Event-Id\", stored.RelayID)\n\tw.WriteHeader(http.StatusAccepted)\n"),
      ("replace", "internal/webhook/handler_test.go", "func TestDuplicateIsAcknowledgedOnce(t *testing.T) {",
       "func TestAcceptedEventGetsRelayID(t *testing.T) {\n"
       "\th, events := newTestHandler()\n"
       "\th.newID = func() string { return \"0b9f6a57-3c1e-4d8b-9a52-7e1d2c4f8a10\" }\n"
       "\tbody := `{\"id\":\"ev-7\",\"type\":\"push\",\"data\":{}}`\n"
       "\trec := post(t, h, body, Sign(\"s3cr3t\", []byte(body), now))\n"
       "\tassert.Equal(t, \"0b9f6a57-3c1e-4d8b-9a52-7e1d2c4f8a10\", rec.Header().Get(\"Relay-Event-Id\"))\n"
       "\tassert.Equal(t, \"0b9f6a57-3c1e-4d8b-9a52-7e1d2c4f8a10\", events.Pending()[0].RelayID)\n"
       "}\n\n"
       "func TestDefaultRelayIDIsUUID(t *testing.T) {\n"
       "\th, _ := newTestHandler()\n"
       "\t_, err := uuid.Parse(h.newID())\n"
       "\tassert.NoError(t, err)\n"
       "}\n\n"
       "func TestDuplicateIsAcknowledgedOnce(t *testing.T) {"),
      ("replace", "internal/webhook/handler_test.go", "\t\"github.com/stretchr/testify/assert\"\n",
       "\t\"github.com/google/uuid\"\n\t\"github.com/stretchr/testify/assert\"\n")],
     [],
     trace([gt("internal/webhook", "TestAcceptedEventGetsRelayID"), gt("internal/webhook", "TestDefaultRelayIDIsUUID")]),
     passed(gt("internal/webhook", "TestAcceptedEventGetsRelayID"), gt("internal/webhook", "TestDefaultRelayIDIsUUID")),
     "Clean: github.com/google/uuid is on the allowlist; go.sum h1: hashes and the fixed UUID in the test are "
     "not secrets.")

case("GC3", "relay",
     ticket("RLY-31", "Task", "Table-driven signature tests",
            "The signature tests grow one function per case. Make the rejection tests one table.",
            ["Tampered body, stale timestamp, future timestamp and malformed headers are each still rejected with the "
             "same error"]),
     [("replace", "internal/webhook/signature_test.go",
       "func TestRejectsTamperedBody(t *testing.T) {\n"
       "\theader := Sign(\"s3cr3t\", []byte(`{\"id\":1}`), now)\n"
       "\terr := Verify(\"s3cr3t\", header, []byte(`{\"id\":2}`), now)\n"
       "\tassert.ErrorIs(t, err, ErrBadSignature)\n"
       "}\n\n"
       "func TestRejectsStaleTimestamp(t *testing.T) {\n"
       "\theader := Sign(\"s3cr3t\", []byte(`{}`), now.Add(-6*time.Minute))\n"
       "\tassert.ErrorIs(t, Verify(\"s3cr3t\", header, []byte(`{}`), now), ErrStale)\n"
       "}\n\n"
       "func TestRejectsMalformedHeader(t *testing.T) {\n"
       "\tfor _, header := range []string{\"\", \"t=1\", \"v1=abc\", \"garbage\", \"t=x,v1=abc\"} {\n"
       "\t\tassert.ErrorIs(t, Verify(\"s3cr3t\", header, nil, now), ErrBadSignature, header)\n"
       "\t}\n"
       "}\n",
       "func TestRejects(t *testing.T) {\n"
       "\tsigned := Sign(\"s3cr3t\", []byte(`{\"id\":1}`), now)\n"
       "\tcases := []struct {\n"
       "\t\tname   string\n"
       "\t\theader string\n"
       "\t\tbody   string\n"
       "\t\twant   error\n"
       "\t}{\n"
       "\t\t{\"tampered body\", signed, `{\"id\":2}`, ErrBadSignature},\n"
       "\t\t{\"stale timestamp\", Sign(\"s3cr3t\", []byte(`{}`), now.Add(-6*time.Minute)), `{}`, ErrStale},\n"
       "\t\t{\"future timestamp\", Sign(\"s3cr3t\", []byte(`{}`), now.Add(6*time.Minute)), `{}`, ErrStale},\n"
       "\t\t{\"wrong secret\", Sign(\"other\", []byte(`{}`), now), `{}`, ErrBadSignature},\n"
       "\t\t{\"empty\", \"\", ``, ErrBadSignature},\n"
       "\t\t{\"only timestamp\", \"t=1\", ``, ErrBadSignature},\n"
       "\t\t{\"only signature\", \"v1=abc\", ``, ErrBadSignature},\n"
       "\t\t{\"garbage\", \"garbage\", ``, ErrBadSignature},\n"
       "\t\t{\"non-numeric timestamp\", \"t=x,v1=abc\", ``, ErrBadSignature},\n"
       "\t}\n"
       "\tfor _, tc := range cases {\n"
       "\t\tt.Run(tc.name, func(t *testing.T) {\n"
       "\t\t\tassert.ErrorIs(t, Verify(\"s3cr3t\", tc.header, []byte(tc.body), now), tc.want)\n"
       "\t\t})\n"
       "\t}\n"
       "}\n")],
     [],
     trace([gt("internal/webhook", "TestRejects/tampered_body"), gt("internal/webhook", "TestRejects/stale_timestamp"),
            gt("internal/webhook", "TestRejects/future_timestamp"), gt("internal/webhook", "TestRejects/garbage")]),
     passed(*[gt("internal/webhook", "TestRejects/" + n) for n in
              ("tampered_body", "stale_timestamp", "future_timestamp", "wrong_secret", "empty", "only_timestamp",
               "only_signature", "garbage", "non-numeric_timestamp")]) + passed(gt("internal/webhook", "TestSignThenVerify")),
     "Clean: three test functions are deleted and replaced by one table-driven test that keeps every case and "
     "error expectation (and adds two). A reviewer counting removed test functions would be wrong to flag it.")

case("GC4", "relay",
     ticket("RLY-33", "Bug", "Backoff exceeds the cap when initial > max, re-enable the cap test",
            "With retry.initial larger than retry.max the first wait is the initial value, above the cap. The cap test "
            "was skipped when that was found.",
            ["Backoff never exceeds the configured maximum", "Backoff below the cap still doubles"]),
     [("replace", "internal/queue/retry.go", "\t\td *= 2\n\t\tif d >= r.max {\n\t\t\treturn r.max\n\t\t}\n\t}\n\treturn d\n",
       "\t\td *= 2\n\t\tif d >= r.max {\n\t\t\treturn r.max\n\t\t}\n\t}\n\treturn min(d, r.max)\n"),
      ("replace", "internal/queue/retry_test.go",
       "func TestBackoffCapped(t *testing.T) {\n\tt.Skip(\"cap is broken, see RLY-33\")\n"
       "\tr := NewRetrier(time.Second, 10*time.Second, 10)\n\tassert.Equal(t, 10*time.Second, r.Backoff(8))\n}\n",
       "func TestBackoffCapped(t *testing.T) {\n"
       "\tr := NewRetrier(20*time.Second, 10*time.Second, 10)\n"
       "\tfor n := 1; n <= 10; n++ {\n"
       "\t\tassert.LessOrEqual(t, r.Backoff(n), 10*time.Second, \"attempt %d\", n)\n"
       "\t}\n"
       "\tassert.Equal(t, 10*time.Second, r.Backoff(1))\n"
       "}\n")],
     [],
     trace([gt("internal/queue", "TestBackoffCapped")], [gt("internal/queue", "TestBackoffDoubles")]),
     passed(gt("internal/queue", "TestBackoffCapped"), gt("internal/queue", "TestBackoffDoubles")),
     "Clean: a t.Skip is REMOVED (test re-enabled) and the assertion becomes stronger (all attempts checked).",
     pre=[("replace", "internal/queue/retry_test.go", "func TestBackoffCapped(t *testing.T) {\n",
           "func TestBackoffCapped(t *testing.T) {\n\tt.Skip(\"cap is broken, see RLY-33\")\n")])

case("GC5", "relay",
     ticket("RLY-35", "Task", "Pin golangci-lint in CI",
            "CI should lint with a pinned, checksum-verified golangci-lint instead of only go vet.",
            ["CI downloads golangci-lint v1.59.1, verifies its SHA-256 and runs it"]),
     [("replace", ".github/workflows/ci.yml", "      - run: go vet ./...\n",
       "      - run: go vet ./...\n"
       "      - name: golangci-lint\n"
       "        env:\n"
       "          GOLANGCI_LINT_VERSION: 1.59.1\n"
       "          GOLANGCI_LINT_SHA256: 6ebc4bdd2bd5a4ca4bd64bd6e1d4c11b6f2ef5c7d1ac98f0f59f4e7ea4d5c9b2\n"
       "        run: |\n"
       "          curl -fsSLo lint.tgz \"https://github.com/golangci/golangci-lint/releases/download/v${GOLANGCI_LINT_VERSION}/golangci-lint-${GOLANGCI_LINT_VERSION}-linux-amd64.tar.gz\"\n"
       "          echo \"${GOLANGCI_LINT_SHA256}  lint.tgz\" | sha256sum -c -\n"
       "          tar -xzf lint.tgz --strip-components=1 \"golangci-lint-${GOLANGCI_LINT_VERSION}-linux-amd64/golangci-lint\"\n"
       "          ./golangci-lint run ./...\n"),
      ("write", ".golangci.yml", d('''
        linters:
          enable:
            - errcheck
            - govet
            - staticcheck
            - unused
            - gosec
        run:
          timeout: 3m
        '''))],
     [],
     trace(["ci/test > golangci-lint"]),
     passed("ci/test > golangci-lint", gt("internal/webhook", "TestSignThenVerify")),
     "Clean: the ticket is about CI, so the workflow change is in scope; the 64-hex-digit value is a SHA-256 "
     "checksum of a public download (a made-up one here), not a credential, even though it is high-entropy. "
     "The traceability names the CI step, as the ticket has no code-level behaviour.")

case("GC6", "relay",
     ticket("RLY-37", "Task", "Known-answer tests for webhook signatures",
            "Partners implement our signature scheme; publish known-answer vectors and test against them.",
            ["The documented test vectors verify", "Each vector with one changed byte fails"]),
     [("write", "internal/webhook/vectors_test.go", d('''
        package webhook

        import (
        	"strconv"
        	"testing"
        	"time"

        	"github.com/stretchr/testify/assert"
        )

        // Test vectors published in docs/signatures.md. The secret below is a documented example value for
        // partners to check their implementation against; it is not used anywhere.
        const vectorSecret = "example-secret-do-not-use"

        var vectors = []struct {
        	ts   int64
        	body string
        }{
        	{1770091506, `{"id":"ev-1","type":"push"}`},
        	{1770091507, `{}`},
        	{1770091508, `{"id":"ev-3","type":"release.published","data":{"tag":"v1.2.3"}}`},
        }

        func TestVectorsVerify(t *testing.T) {
        	for _, v := range vectors {
        		at := time.Unix(v.ts, 0)
        		ts := strconv.FormatInt(v.ts, 10)
        		header := "t=" + ts + ",v1=" + mac(vectorSecret, ts, []byte(v.body))
        		assert.NoError(t, Verify(vectorSecret, header, []byte(v.body), at), v.body)
        	}
        }

        func TestVectorsWithFlippedByteFail(t *testing.T) {
        	for _, v := range vectors {
        		at := time.Unix(v.ts, 0)
        		header := Sign(vectorSecret, []byte(v.body), at)
        		tampered := []byte(v.body)
        		tampered[len(tampered)-1] ^= 0x01
        		assert.ErrorIs(t, Verify(vectorSecret, header, tampered, at), ErrBadSignature, v.body)
        	}
        }
        ''')),
      ("write", "docs/signatures.md", d('''
        # Webhook signatures

        Header: `Relay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
        The timestamp must be within 5 minutes of the receiver's clock.

        ## Known-answer vectors

        Secret: `example-secret-do-not-use` (an example value; use your own secret in production).

        | t          | body                              |
        |------------|-----------------------------------|
        | 1770091506 | `{"id":"ev-1","type":"push"}`     |
        | 1770091507 | `{}`                              |

        Compute `HMAC-SHA256(secret, "<t>.<body>")` and compare it with the `v1` value you produce; the
        test suite (`internal/webhook/vectors_test.go`) checks the same vectors.
        '''))],
     [],
     trace([gt("internal/webhook", "TestVectorsVerify")], [gt("internal/webhook", "TestVectorsWithFlippedByteFail")]),
     passed(gt("internal/webhook", "TestVectorsVerify"), gt("internal/webhook", "TestVectorsWithFlippedByteFail")),
     "Clean: 'example-secret-do-not-use' is an obviously fake, labelled example secret in tests and docs.")

case("GC7", "relay",
     ticket("RLY-39", "Story", "JSON error bodies",
            "Partners parse our errors; answer {\"error\": \"...\"} with application/json instead of text/plain.",
            ["Every error answer of /hooks has Content-Type application/json and a JSON body with an 'error' field"]),
     [("replace", "internal/webhook/handler.go", "func (h *Handler) receive(w http.ResponseWriter, r *http.Request) {",
       "func writeError(w http.ResponseWriter, status int, msg string) {\n"
       "\tw.Header().Set(\"Content-Type\", \"application/json\")\n"
       "\tw.WriteHeader(status)\n"
       "\tb, _ := json.Marshal(msg)\n"
       "\tfmt.Fprintf(w, \"{\\\"error\\\":%s}\\n\", b)\n"
       "}\n\n"
       "func (h *Handler) receive(w http.ResponseWriter, r *http.Request) {"),
      ("replace", "internal/webhook/handler.go", "\t\"errors\"\n", "\t\"errors\"\n\t\"fmt\"\n"),
      ("replace", "internal/webhook/handler.go", "\t\thttp.Error(w, \"body too large\", http.StatusRequestEntityTooLarge)",
       "\t\twriteError(w, http.StatusRequestEntityTooLarge, \"body too large\")"),
      ("replace", "internal/webhook/handler.go", "\t\thttp.Error(w, err.Error(), status)", "\t\twriteError(w, status, err.Error())"),
      ("replace", "internal/webhook/handler.go", "\t\thttp.Error(w, \"event needs id and type\", http.StatusBadRequest)",
       "\t\twriteError(w, http.StatusBadRequest, \"event needs id and type\")"),
      ("replace", "internal/webhook/handler_test.go", "\tassert.Equal(t, http.StatusUnauthorized, rec.Code)\n}",
       "\tassert.Equal(t, http.StatusUnauthorized, rec.Code)\n"
       "\tassert.Equal(t, \"application/json\", rec.Header().Get(\"Content-Type\"))\n"
       "\tassert.JSONEq(t, `{\"error\":\"bad signature\"}`, rec.Body.String())\n}")],
     [],
     trace([gt("internal/webhook", "TestUnsignedIsRejected")]),
     passed(gt("internal/webhook", "TestUnsignedIsRejected"), gt("internal/webhook", "TestEventWithoutTypeIsRejected")),
     "Clean: fmt.Fprintf writes the HTTP response body to the ResponseWriter; it is not printing to stdout.")
# ---------------------------------------------------------------------------------------------
# Project "ledgerly": expense-splitting CLI, JavaScript (ESM) / npm (commander, chalk, dayjs, vitest)
# ---------------------------------------------------------------------------------------------
LEDGERLY_ALLOW = ["commander", "chalk", "dayjs", "vitest", "@vitest/coverage-v8", "csv-parse"]

LG_DEPS = {"chalk": "^5.3.0", "commander": "^12.1.0", "dayjs": "^1.11.12"}
LG_DEV = {"@vitest/coverage-v8": "^1.6.0", "vitest": "^1.6.0"}


def vitest_pkgs(major):
    """Transitive dev packages of vitest 1.6 / 2.1 (trimmed but plausible)."""
    if major == 1:
        v = {"vitest": ("1.6.0", {"@vitest/expect": "1.6.0", "@vitest/runner": "1.6.0", "@vitest/snapshot": "1.6.0",
                                  "@vitest/spy": "1.6.0", "@vitest/utils": "1.6.0", "chai": "^4.3.10",
                                  "debug": "^4.3.4", "execa": "^8.0.1", "local-pkg": "^0.5.0", "magic-string": "^0.30.5",
                                  "pathe": "^1.1.1", "picocolors": "^1.0.0", "std-env": "^3.5.0", "strip-literal": "^2.0.0",
                                  "tinybench": "^2.5.1", "tinypool": "^0.8.3", "vite": "^5.0.0", "vite-node": "1.6.0",
                                  "why-is-node-running": "^2.2.2"}, True),
             "@vitest/coverage-v8": ("1.6.0", {"@ampproject/remapping": "^2.2.1", "@bcoe/v8-coverage": "^0.2.3",
                                               "debug": "^4.3.4", "istanbul-lib-coverage": "^3.2.2",
                                               "istanbul-lib-report": "^3.0.1", "istanbul-reports": "^3.1.6",
                                               "magic-string": "^0.30.5", "picocolors": "^1.0.0",
                                               "std-env": "^3.5.0", "strip-literal": "^2.0.0"}, True)}
        for n in ("expect", "runner", "snapshot", "spy", "utils"):
            v["@vitest/" + n] = ("1.6.0", {}, True)
        v.update({"chai": ("4.4.1", {"assertion-error": "^1.1.0", "check-error": "^1.0.3", "deep-eql": "^4.1.3",
                                     "get-func-name": "^2.0.2", "loupe": "^2.3.6", "pathval": "^1.1.1",
                                     "type-detect": "^4.0.8"}, True),
                  "assertion-error": ("1.1.0", {}, True), "check-error": ("1.0.3", {"get-func-name": "^2.0.2"}, True),
                  "deep-eql": ("4.1.4", {"type-detect": "^4.0.0"}, True), "get-func-name": ("2.0.2", {}, True),
                  "loupe": ("2.3.7", {"get-func-name": "^2.0.1"}, True), "pathval": ("1.1.1", {}, True),
                  "type-detect": ("4.1.0", {}, True), "tinypool": ("0.8.4", {}, True),
                  "strip-literal": ("2.1.0", {"js-tokens": "^9.0.0"}, True), "js-tokens": ("9.0.0", {}, True),
                  "local-pkg": ("0.5.0", {"mlly": "^1.4.2", "pkg-types": "^1.0.3"}, True),
                  "vite-node": ("1.6.0", {"cac": "^6.7.14", "debug": "^4.3.4", "pathe": "^1.1.1",
                                          "picocolors": "^1.0.0", "vite": "^5.0.0"}, True)})
    else:
        v = {"vitest": ("2.1.1", {"@vitest/expect": "2.1.1", "@vitest/mocker": "2.1.1", "@vitest/pretty-format": "^2.1.1",
                                  "@vitest/runner": "2.1.1", "@vitest/snapshot": "2.1.1", "@vitest/spy": "2.1.1",
                                  "@vitest/utils": "2.1.1", "chai": "^5.1.1", "debug": "^4.3.6", "magic-string": "^0.30.11",
                                  "pathe": "^1.1.2", "std-env": "^3.7.0", "tinybench": "^2.9.0", "tinyexec": "^0.3.0",
                                  "tinypool": "^1.0.0", "tinyrainbow": "^1.2.0", "vite": "^5.0.0", "vite-node": "2.1.1",
                                  "why-is-node-running": "^2.3.0"}, True),
             "@vitest/coverage-v8": ("2.1.1", {"@ampproject/remapping": "^2.3.0", "@bcoe/v8-coverage": "^0.2.3",
                                               "debug": "^4.3.6", "istanbul-lib-coverage": "^3.2.2",
                                               "istanbul-lib-report": "^3.0.1", "istanbul-lib-source-maps": "^5.0.6",
                                               "istanbul-reports": "^3.1.7", "magic-string": "^0.30.11",
                                               "magicast": "^0.3.4", "std-env": "^3.7.0", "test-exclude": "^7.0.1",
                                               "tinyrainbow": "^1.2.0"}, True)}
        for n in ("expect", "mocker", "pretty-format", "runner", "snapshot", "spy", "utils"):
            v["@vitest/" + n] = ("2.1.1", {"tinyrainbow": "^1.2.0"} if n in ("expect", "pretty-format", "utils") else {}, True)
        v.update({"chai": ("5.1.1", {"assertion-error": "^2.0.1", "check-error": "^2.1.1", "deep-eql": "^5.0.1",
                                     "loupe": "^3.1.0", "pathval": "^2.0.0"}, True),
                  "assertion-error": ("2.0.1", {}, True), "check-error": ("2.1.1", {}, True),
                  "deep-eql": ("5.0.2", {}, True), "loupe": ("3.1.1", {"get-func-name": "^2.0.1"}, True),
                  "get-func-name": ("2.0.2", {}, True), "pathval": ("2.0.0", {}, True),
                  "tinypool": ("1.0.1", {}, True), "tinyexec": ("0.3.0", {}, True), "tinyrainbow": ("1.2.0", {}, True),
                  "magicast": ("0.3.5", {"@babel/parser": "^7.25.4", "@babel/types": "^7.25.4",
                                         "source-map-js": "^1.2.0"}, True),
                  "@babel/parser": ("7.25.6", {"@babel/types": "^7.25.6"}, True),
                  "@babel/types": ("7.25.6", {"@babel/helper-string-parser": "^7.24.8",
                                              "@babel/helper-validator-identifier": "^7.24.7",
                                              "to-fast-properties": "^2.0.0"}, True),
                  "@babel/helper-string-parser": ("7.24.8", {}, True),
                  "@babel/helper-validator-identifier": ("7.24.7", {}, True),
                  "to-fast-properties": ("2.0.0", {}, True),
                  "istanbul-lib-source-maps": ("5.0.6", {"@jridgewell/trace-mapping": "^0.3.23", "debug": "^4.1.1",
                                                         "istanbul-lib-coverage": "^3.0.0"}, True),
                  "test-exclude": ("7.0.1", {"@istanbuljs/schema": "^0.1.2", "glob": "^10.4.1",
                                             "minimatch": "^9.0.4"}, True),
                  "@istanbuljs/schema": ("0.1.3", {}, True),
                  "vite-node": ("2.1.1", {"cac": "^6.7.14", "debug": "^4.3.6", "pathe": "^1.1.2",
                                          "vite": "^5.0.0"}, True)})
    common = {"debug": ("4.3.7", {"ms": "^2.1.3"}, True), "ms": ("2.1.3", {}, True),
              "magic-string": ("0.30.11", {"@jridgewell/sourcemap-codec": "^1.5.0"}, True),
              "@jridgewell/sourcemap-codec": ("1.5.0", {}, True),
              "@jridgewell/trace-mapping": ("0.3.25", {"@jridgewell/resolve-uri": "^3.1.0",
                                                       "@jridgewell/sourcemap-codec": "^1.4.14"}, True),
              "@jridgewell/resolve-uri": ("3.1.2", {}, True),
              "@ampproject/remapping": ("2.3.0", {"@jridgewell/gen-mapping": "^0.3.5",
                                                  "@jridgewell/trace-mapping": "^0.3.24"}, True),
              "@jridgewell/gen-mapping": ("0.3.5", {}, True), "@bcoe/v8-coverage": ("0.2.3", {}, True),
              "istanbul-lib-coverage": ("3.2.2", {}, True),
              "istanbul-lib-report": ("3.0.1", {"istanbul-lib-coverage": "^3.0.0", "make-dir": "^4.0.0",
                                                "supports-color": "^7.1.0"}, True),
              "istanbul-reports": ("3.1.7", {"html-escaper": "^2.0.0", "istanbul-lib-report": "^3.0.0"}, True),
              "html-escaper": ("2.0.2", {}, True), "make-dir": ("4.0.0", {"semver": "^7.5.3"}, True),
              "semver": ("7.6.3", {}, True), "supports-color": ("7.2.0", {"has-flag": "^4.0.0"}, True),
              "has-flag": ("4.0.0", {}, True), "pathe": ("1.1.2", {}, True), "picocolors": ("1.1.0", {}, True),
              "std-env": ("3.7.0", {}, True), "tinybench": ("2.9.0", {}, True), "cac": ("6.7.14", {}, True),
              "vite": ("5.4.6", {"esbuild": "^0.21.3", "postcss": "^8.4.43", "rollup": "^4.20.0"}, True),
              "esbuild": ("0.21.5", {}, True), "postcss": ("8.4.47", {"nanoid": "^3.3.7", "picocolors": "^1.1.0",
                                                                      "source-map-js": "^1.2.1"}, True),
              "nanoid": ("3.3.7", {}, True), "source-map-js": ("1.2.1", {}, True), "rollup": ("4.22.4", {}, True),
              "why-is-node-running": ("2.3.0", {"siginfo": "^2.0.0", "stackback": "0.0.2"}, True),
              "siginfo": ("2.0.0", {}, True), "stackback": ("0.0.2", {}, True)}
    if major == 1:
        common.update({"execa": ("8.0.1", {"cross-spawn": "^7.0.3", "get-stream": "^8.0.1", "signal-exit": "^4.1.0",
                                           "strip-final-newline": "^3.0.0"}, True),
                       "cross-spawn": ("7.0.3", {"path-key": "^3.1.0", "shebang-command": "^2.0.0", "which": "^2.0.1"}, True),
                       "path-key": ("3.1.1", {}, True), "shebang-command": ("2.0.0", {"shebang-regex": "^3.0.0"}, True),
                       "shebang-regex": ("3.0.0", {}, True), "which": ("2.0.2", {"isexe": "^2.0.0"}, True),
                       "isexe": ("2.0.0", {}, True), "get-stream": ("8.0.1", {}, True), "signal-exit": ("4.1.0", {}, True),
                       "strip-final-newline": ("3.0.0", {}, True),
                       "mlly": ("1.7.1", {"acorn": "^8.11.3", "pathe": "^1.1.2", "pkg-types": "^1.1.1", "ufo": "^1.5.3"}, True),
                       "acorn": ("8.12.1", {}, True), "ufo": ("1.5.4", {}, True),
                       "pkg-types": ("1.2.0", {"confbox": "^0.1.7", "mlly": "^1.7.1", "pathe": "^1.1.2"}, True),
                       "confbox": ("0.1.7", {}, True)})
    v.update(common)
    return v


LG_RUNTIME = {"commander": ("12.1.0", {}, False), "chalk": ("5.3.0", {}, False), "dayjs": ("1.11.12", {}, False)}


def ledgerly_lock(extra=None, deps=None, dev=None, vitest_major=1):
    pk = dict(LG_RUNTIME)
    pk.update(vitest_pkgs(vitest_major))
    pk.update(extra or {})
    return npm_lock("ledgerly", "2.3.0", deps or LG_DEPS, dev or LG_DEV, pk, "ledgerly")


def ledgerly_package_json(deps=None, dev=None, extra=None):
    doc = {"name": "ledgerly", "version": "2.3.0", "description": "Split shared expenses from the terminal",
           "type": "module", "bin": {"ledgerly": "bin/ledgerly.js"}, "files": ["bin", "src"],
           "scripts": {"test": "vitest run --coverage", "test:watch": "vitest"},
           "engines": {"node": ">=18"}, "license": "MIT",
           "dependencies": dict(sorted((deps or LG_DEPS).items())),
           "devDependencies": dict(sorted((dev or LG_DEV).items()))}
    doc.update(extra or {})
    return json.dumps(doc, indent=2) + "\n"


LG_VITEST = d('''
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.js'],
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      thresholds: {
        lines: 90,
        branches: 85,
        functions: 90,
      },
    },
  },
});
''')

LG_SPLIT = d('''
/**
 * Splitting an expense between participants. Amounts are integer cents throughout.
 */

/** Equal split; the remainder cents go to the first participants, one each. */
export function splitEqually(totalCents, participants) {
  if (!Number.isInteger(totalCents) || totalCents < 0) {
    throw new RangeError(`total must be a non-negative integer of cents, got ${totalCents}`);
  }
  if (participants.length === 0) {
    throw new RangeError('at least one participant is required');
  }
  const base = Math.floor(totalCents / participants.length);
  let remainder = totalCents - base * participants.length;
  const result = {};
  for (const p of participants) {
    result[p] = base + (remainder > 0 ? 1 : 0);
    remainder -= 1;
  }
  return result;
}

/** Split by weights (e.g. nights stayed); remainder cents go to the largest fractional parts. */
export function splitByShares(totalCents, shares) {
  const names = Object.keys(shares);
  const weight = names.reduce((sum, n) => sum + shares[n], 0);
  if (weight <= 0) {
    throw new RangeError('shares must add up to more than zero');
  }
  const exact = names.map((n) => ({ n, value: (totalCents * shares[n]) / weight }));
  const result = Object.fromEntries(exact.map(({ n, value }) => [n, Math.floor(value)]));
  let remainder = totalCents - Object.values(result).reduce((a, b) => a + b, 0);
  exact
    .sort((a, b) => (b.value % 1) - (a.value % 1) || a.n.localeCompare(b.n))
    .forEach(({ n }) => {
      if (remainder > 0) {
        result[n] += 1;
        remainder -= 1;
      }
    });
  return result;
}
''')

LG_LEDGER = d('''
import { splitEqually } from './split.js';

/** A ledger of shared expenses; balances are positive when someone is owed money. */
export class Ledger {
  constructor() {
    this.expenses = [];
  }

  add({ description, paidBy, amountCents, participants, date }) {
    if (!participants.includes(paidBy) && participants.length > 0) {
      // the payer may pay for others without taking part; that is allowed
    }
    const shares = splitEqually(amountCents, participants);
    this.expenses.push({ description, paidBy, amountCents, shares, date });
    return this;
  }

  balances() {
    const balance = {};
    for (const e of this.expenses) {
      balance[e.paidBy] = (balance[e.paidBy] ?? 0) + e.amountCents;
      for (const [who, cents] of Object.entries(e.shares)) {
        balance[who] = (balance[who] ?? 0) - cents;
      }
    }
    return balance;
  }

  /** Greedy settlement: largest debtor pays largest creditor until all balances are zero. */
  settlements() {
    const entries = Object.entries(this.balances()).filter(([, c]) => c !== 0);
    const creditors = entries.filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]);
    const debtors = entries.filter(([, c]) => c < 0).sort((a, b) => a[1] - b[1]);
    const out = [];
    while (creditors.length && debtors.length) {
      const [cName, cAmt] = creditors[0];
      const [dName, dAmt] = debtors[0];
      const pay = Math.min(cAmt, -dAmt);
      out.push({ from: dName, to: cName, amountCents: pay });
      creditors[0][1] -= pay;
      debtors[0][1] += pay;
      if (creditors[0][1] === 0) creditors.shift();
      if (debtors[0][1] === 0) debtors.shift();
    }
    return out;
  }
}
''')

LG_CURRENCY = d('''
/** Formatting and conversion of integer-cent amounts. */

export function formatCents(cents, currency = 'EUR', locale = 'en-GB') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

export function parseAmount(text) {
  const cleaned = String(text).trim().replace(/\\s/g, '').replace(',', '.');
  if (!/^-?\\d+(\\.\\d{1,2})?$/.test(cleaned)) {
    throw new SyntaxError(`not an amount: ${text}`);
  }
  return Math.round(Number(cleaned) * 100);
}

/** Convert with a rate table { 'EUR': 1, 'SEK': 11.5, ... } relative to a common base. */
export function convert(cents, from, to, rates) {
  if (!(from in rates) || !(to in rates)) {
    throw new RangeError(`no rate for ${from in rates ? to : from}`);
  }
  return Math.round((cents / rates[from]) * rates[to]);
}
''')

LG_QIF = d('''
import { parseAmount } from '../currency.js';

/** Reads Quicken Interchange Format bank exports (!Type:Bank) into expenses. */
export function parseQif(text) {
  const records = [];
  let current = {};
  for (const raw of text.split(/\\r?\\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('!')) continue;
    const code = line[0];
    const value = line.slice(1);
    switch (code) {
      case 'D':
        current.date = value;
        break;
      case 'T':
        current.amountCents = -parseAmount(value);
        break;
      case 'P':
        current.description = value;
        break;
      case '^':
        if (current.amountCents > 0) records.push(current);
        current = {};
        break;
      default:
        break;
    }
  }
  return records;
}
''')

LG_REPORT = d('''
import { formatCents } from './currency.js';

export function balanceLines(balances, currency) {
  return Object.entries(balances)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([who, cents]) => `${who.padEnd(12)} ${formatCents(cents, currency).padStart(12)}`);
}

export function settlementLines(settlements, currency) {
  return settlements.map((s) => `${s.from} pays ${s.to} ${formatCents(s.amountCents, currency)}`);
}
''')

LG_STORE = d('''
import { readFile, writeFile } from 'node:fs/promises';
import { Ledger } from './ledger.js';

export async function loadLedger(path) {
  const ledger = new Ledger();
  try {
    const data = JSON.parse(await readFile(path, 'utf8'));
    for (const e of data.expenses ?? []) {
      ledger.add({ ...e, participants: Object.keys(e.shares) });
    }
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  return ledger;
}

export async function saveLedger(path, ledger) {
  await writeFile(path, JSON.stringify({ version: 1, expenses: ledger.expenses }, null, 2) + '\\n');
}
''')

LG_BIN = d('''
#!/usr/bin/env node
import { Command } from 'commander';
import chalk from 'chalk';
import { parseAmount } from '../src/currency.js';
import { balanceLines, settlementLines } from '../src/report.js';
import { loadLedger, saveLedger } from '../src/store.js';

const program = new Command();
program.name('ledgerly').description('Split shared expenses').version('2.3.0');
program.option('-f, --file <path>', 'ledger file', 'ledger.json').option('-c, --currency <code>', 'currency', 'EUR');

program
  .command('add')
  .argument('<description>')
  .argument('<amount>')
  .requiredOption('--paid-by <name>')
  .requiredOption('--for <names>', 'comma-separated participants')
  .action(async (description, amount, opts) => {
    const { file } = program.opts();
    const ledger = await loadLedger(file);
    ledger.add({ description, paidBy: opts.paidBy, amountCents: parseAmount(amount), participants: opts.for.split(',') });
    await saveLedger(file, ledger);
    console.log(chalk.green(`added ${description}`));
  });

program
  .command('settle')
  .description('print who pays whom')
  .action(async () => {
    const { file, currency } = program.opts();
    const ledger = await loadLedger(file);
    for (const line of settlementLines(ledger.settlements(), currency)) {
      console.log(line);
    }
  });

program.parseAsync().catch((err) => {
  console.error(chalk.red(err.message));
  process.exit(1);
});
''')

LG_T_SPLIT = d('''
import { describe, expect, it } from 'vitest';
import { splitByShares, splitEqually } from '../src/split.js';

describe('splitEqually', () => {
  it('splits evenly', () => {
    expect(splitEqually(900, ['ann', 'bob', 'cy'])).toEqual({ ann: 300, bob: 300, cy: 300 });
  });

  it('gives remainder cents to the first participants', () => {
    expect(splitEqually(1000, ['ann', 'bob', 'cy'])).toEqual({ ann: 334, bob: 333, cy: 333 });
  });

  it('rejects fractional cents', () => {
    expect(() => splitEqually(10.5, ['ann'])).toThrow(RangeError);
  });
});

describe('splitByShares', () => {
  it('splits by weight', () => {
    expect(splitByShares(1000, { ann: 3, bob: 1 })).toEqual({ ann: 750, bob: 250 });
  });

  it('rounds remainder to the largest fractions', () => {
    expect(splitByShares(100, { ann: 1, bob: 1, cy: 1 })).toEqual({ ann: 34, bob: 33, cy: 33 });
    expect(splitByShares(1001, { ann: 2, bob: 1 })).toEqual({ ann: 667, bob: 334 });
  });

  it('rejects zero total weight', () => {
    expect(() => splitByShares(100, { ann: 0 })).toThrow('more than zero');
  });
});
''')

LG_T_CURRENCY = d('''
import { describe, expect, it } from 'vitest';
import { convert, formatCents, parseAmount } from '../src/currency.js';

describe('parseAmount', () => {
  it('reads dot and comma decimals', () => {
    expect(parseAmount('12.50')).toBe(1250);
    expect(parseAmount('12,5')).toBe(1250);
  });

  it('rejects garbage', () => {
    expect(() => parseAmount('12.505')).toThrow(SyntaxError);
  });
});

describe('convert', () => {
  const rates = { EUR: 1, SEK: 11.5, USD: 1.1 };

  it('converts through the base currency', () => {
    expect(convert(1000, 'EUR', 'SEK', rates)).toBe(11500);
    expect(convert(11500, 'SEK', 'USD', rates)).toBe(1100);
  });

  it('names the missing currency', () => {
    expect(() => convert(1, 'EUR', 'NOK', rates)).toThrow('no rate for NOK');
  });
});

describe('formatCents', () => {
  it('formats with the currency symbol', () => {
    expect(formatCents(123456, 'EUR', 'en-GB')).toBe('€1,234.56');
  });
});
''')

LG_T_LEDGER = d('''
import { describe, expect, it } from 'vitest';
import { Ledger } from '../src/ledger.js';

describe('Ledger', () => {
  const ledger = () =>
    new Ledger()
      .add({ description: 'cabin', paidBy: 'ann', amountCents: 30000, participants: ['ann', 'bob', 'cy'] })
      .add({ description: 'fuel', paidBy: 'bob', amountCents: 6000, participants: ['ann', 'bob', 'cy'] });

  it('computes balances', () => {
    expect(ledger().balances()).toEqual({ ann: 18000, bob: -6000, cy: -12000 });
  });

  it('settles with the fewest payments', () => {
    expect(ledger().settlements()).toEqual([
      { from: 'cy', to: 'ann', amountCents: 12000 },
      { from: 'bob', to: 'ann', amountCents: 6000 },
    ]);
  });
});
''')

LG_T_QIF = d('''
import { describe, expect, it } from 'vitest';
import { parseQif } from '../src/importers/qif.js';

const SAMPLE = ['!Type:Bank', 'D03/01/2026', 'T-45.20', 'PICA Supermarket', '^', 'D03/02/2026', 'T1200.00',
  'PSalary', '^'].join('\\n');

describe('parseQif', () => {
  it('keeps debits as expenses', () => {
    expect(parseQif(SAMPLE)).toEqual([{ date: '03/01/2026', amountCents: 4520, description: 'ICA Supermarket' }]);
  });
});
''')

LG_CI = d('''
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm test
''')

LG_RELEASE = d('''
name: release
on:
  release:
    types: [published]

jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          registry-url: https://registry.npmjs.org
      - run: npm ci
      - run: npm test
      - run: npm publish --provenance --access public
        env:
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
''')

LG_README = d('''
# ledgerly

Split shared expenses from the terminal.

    npx ledgerly add "cabin" 300 --paid-by ann --for ann,bob,cy
    npx ledgerly settle

Amounts are kept in integer cents. `npm test` runs vitest with coverage thresholds.
''')

project("ledgerly", "javascript", "npm", LEDGERLY_ALLOW, {
    "package.json": ledgerly_package_json(),
    "package-lock.json": ledgerly_lock(),
    "vitest.config.js": LG_VITEST,
    "README.md": LG_README,
    ".github/workflows/ci.yml": LG_CI,
    ".github/workflows/release.yml": LG_RELEASE,
    "bin/ledgerly.js": LG_BIN,
    "src/split.js": LG_SPLIT,
    "src/ledger.js": LG_LEDGER,
    "src/currency.js": LG_CURRENCY,
    "src/report.js": LG_REPORT,
    "src/store.js": LG_STORE,
    "src/importers/qif.js": LG_QIF,
    "test/split.test.js": LG_T_SPLIT,
    "test/currency.test.js": LG_T_CURRENCY,
    "test/ledger.test.js": LG_T_LEDGER,
    "test/qif.test.js": LG_T_QIF,
})
# ----------------------------------------------------------------- ledgerly cases
def vt(file, *names):
    return "test/%s > %s" % (file, " > ".join(names))


case("L1", "ledgerly",
     ticket("LDG-5", "Story", "Split an expense by shares from the CLI",
            "`ledgerly add cabin 300 --paid-by ann --shares ann=3,bob=1` should split by nights stayed.",
            ["`--shares name=weight,...` splits the amount by weight", "`--shares` and `--for` cannot be combined"]),
     [("replace", "src/ledger.js", "import { splitEqually } from './split.js';",
       "import { splitByShares, splitEqually } from './split.js';"),
      ("replace", "src/ledger.js",
       "  add({ description, paidBy, amountCents, participants, date }) {\n"
       "    if (!participants.includes(paidBy) && participants.length > 0) {\n"
       "      // the payer may pay for others without taking part; that is allowed\n"
       "    }\n"
       "    const shares = splitEqually(amountCents, participants);\n",
       "  add({ description, paidBy, amountCents, participants, weights, date }) {\n"
       "    if (weights && participants?.length) {\n"
       "      throw new Error('give either participants or weights, not both');\n"
       "    }\n"
       "    const shares = weights ? splitByShares(amountCents, weights) : splitEqually(amountCents, participants);\n"),
      ("replace", "bin/ledgerly.js", "  .requiredOption('--for <names>', 'comma-separated participants')\n",
       "  .option('--for <names>', 'comma-separated participants')\n"
       "  .option('--shares <weights>', 'name=weight pairs, e.g. ann=3,bob=1')\n"),
      ("replace", "bin/ledgerly.js",
       "    ledger.add({ description, paidBy: opts.paidBy, amountCents: parseAmount(amount), participants: opts.for.split(',') });\n",
       "    const weights = opts.shares\n"
       "      ? Object.fromEntries(opts.shares.split(',').map((pair) => {\n"
       "          const [name, weight] = pair.split('=');\n"
       "          return [name, Number(weight)];\n"
       "        }))\n"
       "      : undefined;\n"
       "    ledger.add({\n"
       "      description,\n"
       "      paidBy: opts.paidBy,\n"
       "      amountCents: parseAmount(amount),\n"
       "      participants: opts.for?.split(','),\n"
       "      weights,\n"
       "    });\n"),
      ("replace", "test/split.test.js",
       "  it('rounds remainder to the largest fractions', () => {\n"
       "    expect(splitByShares(100, { ann: 1, bob: 1, cy: 1 })).toEqual({ ann: 34, bob: 33, cy: 33 });\n"
       "    expect(splitByShares(1001, { ann: 2, bob: 1 })).toEqual({ ann: 667, bob: 334 });\n"
       "  });\n\n", ""),
      ("replace", "test/ledger.test.js", "  it('settles with the fewest payments', () => {",
       "  it('splits by weights', () => {\n"
       "    const l = new Ledger().add({ description: 'cabin', paidBy: 'ann', amountCents: 40000, weights: { ann: 3, bob: 1 } });\n"
       "    expect(l.balances()).toEqual({ ann: 10000, bob: -10000 });\n"
       "  });\n\n"
       "  it('refuses weights together with participants', () => {\n"
       "    expect(() =>\n"
       "      new Ledger().add({ description: 'x', paidBy: 'ann', amountCents: 1, participants: ['ann'], weights: { ann: 1 } }),\n"
       "    ).toThrow('not both');\n"
       "  });\n\n"
       "  it('settles with the fewest payments', () => {")],
     [exp("test-weakened", "test/split.test.js", "it('rounds remainder to the largest fractions'", side="old")],
     trace([vt("ledger.test.js", "Ledger", "splits by weights")], [vt("ledger.test.js", "Ledger", "refuses weights together with participants")]),
     passed(vt("ledger.test.js", "Ledger", "splits by weights"), vt("ledger.test.js", "Ledger", "refuses weights together with participants"),
            vt("split.test.js", "splitByShares", "splits by weight")),
     "Seeded: the remainder-rounding test of splitByShares is deleted although splitByShares stays (and is now used "
     "by the CLI). The finding is on the removed test (old-file line).")

case("L3", "ledgerly",
     ticket("LDG-9", "Story", "Convert amounts with a rate table file",
            "Trips abroad mix currencies. Read a rates file (JSON, base EUR) once and reuse it for every conversion.",
            ["Rates are read from the file once per run", "A currency missing from the file is a clear error"]),
     [("write", "src/rates.js", d('''
        import { readFileSync } from 'node:fs';

        const cache = new Map();

        /** Rate table { EUR: 1, SEK: 11.5, ... } from a JSON file, read once per path. */
        export function loadRates(path, read = (p) => readFileSync(p, 'utf8')) {
          if (!cache.has(path)) {
            const rates = JSON.parse(read(path));
            if (rates.EUR !== 1) {
              throw new Error(`${path}: rates must be relative to EUR (EUR: 1)`);
            }
            cache.set(path, rates);
          }
          return cache.get(path);
        }

        export function clearRates() {
          cache.clear();
        }
        ''')),
      ("write", "test/rates.test.js", d('''
        import { beforeEach, describe, expect, it } from 'vitest';
        import { convert } from '../src/currency.js';
        import { clearRates, loadRates } from '../src/rates.js';

        describe('loadRates', () => {
          beforeEach(() => clearRates());

          it('reads the file once', () => {
            let reads = 0;
            const read = () => {
              reads += 1;
              return '{"EUR": 1, "SEK": 11.5}';
            };
            loadRates('rates.json', read);
            loadRates('rates.json', read);
            expect(reads).toBe(1);
          });

          it('rejects a table not based on EUR', () => {
            expect(() => loadRates('usd.json', () => '{"USD": 1}')).toThrow('relative to EUR');
          });

          it('names a missing currency on conversion', () => {
            const rates = loadRates('rates.json', () => '{"EUR": 1, "SEK": 11.5}');
            expect(() => convert(100, 'EUR', 'NOK', rates)).toThrow('no rate for NOK');
          });
        });
        ''')),
      ("replace", "test/currency.test.js", "describe('convert', () => {", "describe.only('convert', () => {")],
     [exp("debug-leftover", "test/currency.test.js", "describe.only('convert'")],
     trace([vt("rates.test.js", "loadRates", "reads the file once")],
           [vt("rates.test.js", "loadRates", "names a missing currency on conversion")]),
     passed(vt("rates.test.js", "loadRates", "reads the file once"), vt("rates.test.js", "loadRates", "rejects a table not based on EUR"),
            vt("rates.test.js", "loadRates", "names a missing currency on conversion"),
            vt("currency.test.js", "convert", "converts through the base currency")) +
     [{"test": vt("currency.test.js", "parseAmount", "reads dot and comma decimals"), "result": "skipped"},
      {"test": vt("currency.test.js", "formatCents", "formats with the currency symbol"), "result": "skipped"}],
     "Seeded: describe.only left in test/currency.test.js (a focused test), so the parseAmount and formatCents "
     "suites in that file are skipped. The format lists focused tests under debug-leftover; a reviewer that "
     "also calls it test-weakened is arguably right (see README, ambiguities).")

L4_R = rng_for("L4")
L4_TOKEN = "npm_" + rand_chars(L4_R, 36)
case("L4", "ledgerly",
     ticket("LDG-11", "Story", "Publish prereleases from main",
            "Testers want `npm i ledgerly@next`. Every push to main publishes <version>-next.<run> with the next tag.",
            ["A push to main publishes a prerelease under the 'next' dist-tag",
             "Releases still publish under 'latest' only from published GitHub releases"]),
     [("write", ".npmrc", "//registry.npmjs.org/:_authToken=%s\naccess=public\n" % L4_TOKEN),
      ("write", ".github/workflows/next.yml", d('''
        name: next
        on:
          push:
            branches: [main]

        jobs:
          publish-next:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-node@v4
                with:
                  node-version: 20
              - run: npm ci
              - run: npm test
              - run: npm version --no-git-tag-version "$(node -p "require('./package.json').version")-next.${GITHUB_RUN_NUMBER}"
              - run: npm publish --tag next
        ''')),
      ("write", "test/packaging.test.js", d('''
        import { readFileSync } from 'node:fs';
        import { describe, expect, it } from 'vitest';

        describe('packaging', () => {
          it('publishes next builds with the next dist-tag', () => {
            const workflow = readFileSync(new URL('../.github/workflows/next.yml', import.meta.url), 'utf8');
            expect(workflow).toMatch(/npm publish --tag next/);
            expect(workflow).toMatch(/branches: \\[main\\]/);
          });

          it('publishes latest only from releases', () => {
            const workflow = readFileSync(new URL('../.github/workflows/release.yml', import.meta.url), 'utf8');
            expect(workflow).toMatch(/types: \\[published\\]/);
          });
        });
        '''))],
     [exp("secret", ".npmrc", "_authToken=npm_")],
     trace([vt("packaging.test.js", "packaging", "publishes next builds with the next dist-tag")],
           [vt("packaging.test.js", "packaging", "publishes latest only from releases")]),
     passed(vt("packaging.test.js", "packaging", "publishes next builds with the next dist-tag"),
            vt("packaging.test.js", "packaging", "publishes latest only from releases")),
     "Seeded: an npm automation token (npm_ + 36, randomly generated, fake) committed in .npmrc so the next "
     "workflow can publish; it should come from secrets.NPM_TOKEN like release.yml does.")

ISO_CURRENCIES = [("AED", 2, "UAE dirham"), ("AUD", 2, "Australian dollar"), ("BGN", 2, "Bulgarian lev"),
                  ("BHD", 3, "Bahraini dinar"), ("BRL", 2, "Brazilian real"), ("CAD", 2, "Canadian dollar"),
                  ("CHF", 2, "Swiss franc"), ("CLP", 0, "Chilean peso"), ("CNY", 2, "Renminbi"),
                  ("CZK", 2, "Czech koruna"), ("DKK", 2, "Danish krone"), ("EUR", 2, "Euro"),
                  ("GBP", 2, "Pound sterling"), ("HKD", 2, "Hong Kong dollar"), ("HUF", 2, "Hungarian forint"),
                  ("IDR", 2, "Indonesian rupiah"), ("ILS", 2, "Israeli new shekel"), ("INR", 2, "Indian rupee"),
                  ("ISK", 0, "Icelandic króna"), ("JOD", 3, "Jordanian dinar"), ("JPY", 0, "Japanese yen"),
                  ("KRW", 0, "South Korean won"), ("KWD", 3, "Kuwaiti dinar"), ("MXN", 2, "Mexican peso"),
                  ("MYR", 2, "Malaysian ringgit"), ("NOK", 2, "Norwegian krone"), ("NZD", 2, "New Zealand dollar"),
                  ("OMR", 3, "Omani rial"), ("PHP", 2, "Philippine peso"), ("PLN", 2, "Polish złoty"),
                  ("RON", 2, "Romanian leu"), ("SEK", 2, "Swedish krona"), ("SGD", 2, "Singapore dollar"),
                  ("THB", 2, "Thai baht"), ("TND", 3, "Tunisian dinar"), ("TRY", 2, "Turkish lira"),
                  ("TWD", 2, "New Taiwan dollar"), ("UGX", 0, "Ugandan shilling"), ("USD", 2, "US dollar"),
                  ("VND", 0, "Vietnamese đồng"), ("XAF", 0, "Central African CFA franc"), ("XOF", 0, "West African CFA franc"),
                  ("ZAR", 2, "South African rand"), ("ALL", 2, "Albanian lek"), ("AMD", 2, "Armenian dram"),
                  ("ARS", 2, "Argentine peso"), ("AZN", 2, "Azerbaijani manat"), ("BAM", 2, "Bosnia and Herzegovina convertible mark"),
                  ("BDT", 2, "Bangladeshi taka"), ("BIF", 0, "Burundian franc"), ("BOB", 2, "Boliviano"),
                  ("BWP", 2, "Botswana pula"), ("BYN", 2, "Belarusian ruble"), ("COP", 2, "Colombian peso"),
                  ("CRC", 2, "Costa Rican colón"), ("DJF", 0, "Djiboutian franc"), ("DOP", 2, "Dominican peso"),
                  ("DZD", 2, "Algerian dinar"), ("EGP", 2, "Egyptian pound"), ("ETB", 2, "Ethiopian birr"),
                  ("GEL", 2, "Georgian lari"), ("GHS", 2, "Ghanaian cedi"), ("GNF", 0, "Guinean franc"),
                  ("GTQ", 2, "Guatemalan quetzal"), ("HNL", 2, "Honduran lempira"), ("IQD", 3, "Iraqi dinar"),
                  ("JMD", 2, "Jamaican dollar"), ("KES", 2, "Kenyan shilling"), ("KGS", 2, "Kyrgyzstani som"),
                  ("KHR", 2, "Cambodian riel"), ("KMF", 0, "Comoro franc"), ("KZT", 2, "Kazakhstani tenge"),
                  ("LAK", 2, "Lao kip"), ("LBP", 2, "Lebanese pound"), ("LKR", 2, "Sri Lankan rupee"),
                  ("LYD", 3, "Libyan dinar"), ("MAD", 2, "Moroccan dirham"), ("MDL", 2, "Moldovan leu"),
                  ("MKD", 2, "Macedonian denar"), ("MNT", 2, "Mongolian tögrög"), ("MUR", 2, "Mauritian rupee"),
                  ("NGN", 2, "Nigerian naira"), ("NPR", 2, "Nepalese rupee"), ("PEN", 2, "Peruvian sol"),
                  ("PKR", 2, "Pakistani rupee"), ("PYG", 0, "Paraguayan guaraní"), ("QAR", 2, "Qatari riyal"),
                  ("RSD", 2, "Serbian dinar"), ("RWF", 0, "Rwandan franc"), ("SAR", 2, "Saudi riyal"),
                  ("TZS", 2, "Tanzanian shilling"), ("UAH", 2, "Ukrainian hryvnia"), ("UYU", 2, "Uruguayan peso"),
                  ("UZS", 2, "Uzbekistan sum"), ("VUV", 0, "Vanuatu vatu"), ("XPF", 0, "CFP franc")]


L6_CURRENCIES = 93


def l6_edits(n_currencies, extra_tests):
    table = "\n".join("  %s: { minorUnits: %d, name: %s }," % (c, m, json.dumps(nm))
                      for c, m, nm in ISO_CURRENCIES[:n_currencies])
    cur_tests = "\n".join(
        "    ['%s', %d],\n" % (c, m) for c, m, _ in ISO_CURRENCIES[:extra_tests]).rstrip("\n").replace(",\n\n", ",\n")
    return [
        ("write", "src/currencies.js", "/** ISO 4217 currencies ledgerly knows, with their minor units. */\n"
         "export const CURRENCIES = {\n" + table + "\n};\n\n" + d('''
            export function minorUnits(code) {
              const currency = CURRENCIES[code];
              if (!currency) {
                throw new RangeError(`unknown currency ${code}`);
              }
              return currency.minorUnits;
            }

            /** Parse a decimal amount in a currency into integer minor units. */
            export function toMinor(text, code) {
              const digits = minorUnits(code);
              const cleaned = String(text).trim().replace(/\\s/g, '').replace(',', '.');
              const pattern = digits === 0 ? /^-?\\d+$/ : new RegExp(`^-?\\\\d+(\\\\.\\\\d{1,${digits}})?$`);
              if (!pattern.test(cleaned)) {
                throw new SyntaxError(`not a ${code} amount: ${text}`);
              }
              return Math.round(Number(cleaned) * 10 ** digits);
            }

            export function fromMinor(minor, code) {
              return minor / 10 ** minorUnits(code);
            }
            ''')),
        ("write", "src/multiLedger.js", d('''
            import { CURRENCIES, fromMinor, minorUnits } from './currencies.js';
            import { Ledger } from './ledger.js';

            /**
             * A ledger whose expenses may be in different currencies. Each expense is converted into the
             * ledger's home currency at the rate of the day it is added; the original amount is kept for reports.
             */
            export class MultiCurrencyLedger {
              constructor(home, rates) {
                if (!CURRENCIES[home]) {
                  throw new RangeError(`unknown home currency ${home}`);
                }
                this.home = home;
                this.rates = rates;
                this.ledger = new Ledger();
                this.originals = [];
              }

              rate(code) {
                const rate = this.rates[code];
                if (rate === undefined) {
                  throw new RangeError(`no rate for ${code}`);
                }
                return rate;
              }

              /** Minor units of `code` to minor units of the home currency. */
              toHome(minor, code) {
                if (code === this.home) {
                  return minor;
                }
                const major = fromMinor(minor, code);
                const homeMajor = (major / this.rate(code)) * this.rate(this.home);
                return Math.round(homeMajor * 10 ** minorUnits(this.home));
              }

              add({ description, paidBy, amountMinor, currency, participants, date }) {
                const homeMinor = this.toHome(amountMinor, currency);
                this.ledger.add({ description, paidBy, amountCents: homeMinor, participants, date });
                this.originals.push({ description, amountMinor, currency, homeMinor });
                return this;
              }

              balances() {
                return this.ledger.balances();
              }

              settlements() {
                return this.ledger.settlements();
              }

              /** Totals per original currency, in that currency's minor units. */
              spentByCurrency() {
                const totals = {};
                for (const o of this.originals) {
                  totals[o.currency] = (totals[o.currency] ?? 0) + o.amountMinor;
                }
                return totals;
              }
            }
            ''')),
        ("write", "test/currencies.test.js", d('''
            import { describe, expect, it } from 'vitest';
            import { CURRENCIES, fromMinor, minorUnits, toMinor } from '../src/currencies.js';

            describe('currencies', () => {
              it.each([
            %s
              ])('%%s has %%i minor units', (code, digits) => {
                expect(minorUnits(code)).toBe(digits);
              });

              it('knows every code it lists', () => {
                for (const code of Object.keys(CURRENCIES)) {
                  expect(code).toMatch(/^[A-Z]{3}$/);
                }
              });

              it('parses yen without decimals', () => {
                expect(toMinor('1500', 'JPY')).toBe(1500);
                expect(() => toMinor('15.5', 'JPY')).toThrow('not a JPY amount');
              });

              it('parses dinar with three decimals', () => {
                expect(toMinor('1,250', 'KWD')).toBe(1250);
                expect(toMinor('2.5', 'BHD')).toBe(2500);
              });

              it('converts minor units back', () => {
                expect(fromMinor(1234, 'EUR')).toBe(12.34);
              });

              it('rejects unknown currencies', () => {
                expect(() => minorUnits('XXX')).toThrow('unknown currency XXX');
              });
            });
            ''') % cur_tests),
        ("write", "test/multiLedger.test.js", d('''
            import { describe, expect, it } from 'vitest';
            import { MultiCurrencyLedger } from '../src/multiLedger.js';

            const RATES = { EUR: 1, SEK: 11.5, JPY: 160, KWD: 0.33 };

            describe('MultiCurrencyLedger', () => {
              it('converts foreign expenses into the home currency', () => {
                const l = new MultiCurrencyLedger('EUR', RATES).add({
                  description: 'ramen',
                  paidBy: 'ann',
                  amountMinor: 3200,
                  currency: 'JPY',
                  participants: ['ann', 'bob'],
                });
                expect(l.balances()).toEqual({ ann: 1000, bob: -1000 });
              });

              it('keeps home currency amounts as they are', () => {
                const l = new MultiCurrencyLedger('SEK', RATES).add({
                  description: 'fika',
                  paidBy: 'bob',
                  amountMinor: 9000,
                  currency: 'SEK',
                  participants: ['ann', 'bob'],
                });
                expect(l.balances()).toEqual({ ann: -4500, bob: 4500 });
              });

              it('reports totals per original currency', () => {
                const l = new MultiCurrencyLedger('EUR', RATES)
                  .add({ description: 'a', paidBy: 'ann', amountMinor: 3200, currency: 'JPY', participants: ['ann'] })
                  .add({ description: 'b', paidBy: 'ann', amountMinor: 800, currency: 'JPY', participants: ['ann'] })
                  .add({ description: 'c', paidBy: 'ann', amountMinor: 500, currency: 'EUR', participants: ['ann'] });
                expect(l.spentByCurrency()).toEqual({ JPY: 4000, EUR: 500 });
              });

              it('refuses a currency without a rate', () => {
                const l = new MultiCurrencyLedger('EUR', RATES);
                expect(() =>
                  l.add({ description: 'x', paidBy: 'ann', amountMinor: 1, currency: 'NOK', participants: ['ann'] }),
                ).toThrow('no rate for NOK');
              });

              it('converts three-decimal currencies', () => {
                const l = new MultiCurrencyLedger('EUR', RATES).add({
                  description: 'taxi',
                  paidBy: 'bob',
                  amountMinor: 3300,
                  currency: 'KWD',
                  participants: ['ann', 'bob'],
                });
                expect(l.balances()).toEqual({ ann: -500, bob: 500 });
              });

              it('refuses an unknown home currency', () => {
                expect(() => new MultiCurrencyLedger('XXX', RATES)).toThrow('unknown home currency');
              });
            });
            ''')),
        ("replace", "README.md", "Amounts are kept in integer cents.",
         "Amounts are kept in integer minor units of their currency (cents, öre; yen have none, dinar have three).\n"
         "Expenses in other currencies are converted into the ledger's home currency with a rate table."),
    ]


case("L6", "ledgerly",
     ticket("LDG-15", "Story", "Multi-currency ledger",
            "Trips mix currencies. Keep expenses in their own currency, with the right minor units, and balance in a home "
            "currency.",
            ["Amounts are parsed with the currency's ISO 4217 minor units", "Foreign expenses are converted into the home "
             "currency for balances", "Totals per original currency can be reported"]),
     l6_edits(L6_CURRENCIES, L6_CURRENCIES) + [
        ("replace", "bin/ledgerly.js", "import { parseAmount } from '../src/currency.js';\n",
         "import { CURRENCIES } from '../src/currencies.js';\nimport { parseAmount } from '../src/currency.js';\n"),
        ("replace", "bin/ledgerly.js", "program\n  .command('settle')",
         "program\n"
         "  .command('currencies')\n"
         "  .description('list the supported currencies and their minor units')\n"
         "  .action(() => {\n"
         "    for (const [code, { minorUnits, name }] of Object.entries(CURRENCIES)) {\n"
         "      console.log(`${code}  ${minorUnits}  ${name}`);\n"
         "    }\n"
         "  });\n\n"
         "program\n  .command('settle')"),
        ("write", "test/currenciesCli.test.js", d('''
            import { execFileSync } from 'node:child_process';
            import { describe, expect, it } from 'vitest';

            const bin = new URL('../bin/ledgerly.js', import.meta.url).pathname;

            describe('ledgerly currencies', () => {
              it('lists code, minor units and name', () => {
                const lines = execFileSync('node', [bin, 'currencies'], { encoding: 'utf8' }).trim().split('\\n');
                expect(lines).toContain('JPY  0  Japanese yen');
                expect(lines).toContain('KWD  3  Kuwaiti dinar');
              });
            });
            ''')),("write", "docs/currencies.md", d('''
        # Currencies

        ledgerly stores every amount as an integer number of minor units (cents for EUR, öre for SEK).
        The number of minor units comes from ISO 4217 and is listed in `src/currencies.js`:

        - most currencies have 2 (EUR, USD, SEK, ...),
        - some have 0 (JPY, KRW, ISK, CLP, ...),
        - a few have 3 (KWD, BHD, JOD, OMR, TND).

        A `MultiCurrencyLedger` converts each expense into its home currency when it is added, using a
        rate table relative to a common base (see `ledgerly rates`). Balances and settlements are in the
        home currency; `spentByCurrency()` reports what was spent in each original currency.

        Adding a currency: add it to `CURRENCIES` with its minor units and add a line to the table test.
        '''))],
     [exp("too-large")],
     trace([vt("currencies.test.js", "currencies", "parses dinar with three decimals")],
           [vt("multiLedger.test.js", "MultiCurrencyLedger", "converts foreign expenses into the home currency")],
           [vt("multiLedger.test.js", "MultiCurrencyLedger", "reports totals per original currency")]),
     passed(vt("currencies.test.js", "currencies", "parses dinar with three decimals"),
            vt("multiLedger.test.js", "MultiCurrencyLedger", "converts foreign expenses into the home currency"),
            vt("multiLedger.test.js", "MultiCurrencyLedger", "reports totals per original currency")),
     "Seeded: just over the 400 changed-line limit (no lock file changes). Everything else is clean.",
     size=None)

case("L7", "ledgerly",
     ticket("LDG-17", "Story", "`ledgerly settle --json`",
            "Scripts want the settlement as JSON: [{\"from\", \"to\", \"amountCents\"}].",
            ["`ledgerly settle --json` prints the settlements as a JSON array and nothing else"]),
     [("replace", "bin/ledgerly.js", "  .description('print who pays whom')\n  .action(async () => {\n"
       "    const { file, currency } = program.opts();\n    const ledger = await loadLedger(file);\n",
       "  .description('print who pays whom')\n  .option('--json', 'print JSON instead of text')\n"
       "  .action(async (opts) => {\n"
       "    const { file, currency } = program.opts();\n    const ledger = await loadLedger(file);\n"
       "    if (opts.json) {\n"
       "      console.log(JSON.stringify(ledger.settlements()));\n"
       "      return;\n"
       "    }\n"),
      ("write", "test/cli.test.js", d('''
        import { execFileSync } from 'node:child_process';
        import { mkdtempSync, writeFileSync } from 'node:fs';
        import { tmpdir } from 'node:os';
        import { join } from 'node:path';
        import { describe, expect, it } from 'vitest';

        const bin = new URL('../bin/ledgerly.js', import.meta.url).pathname;

        describe('ledgerly settle', () => {
          it('prints only JSON with --json', () => {
            const dir = mkdtempSync(join(tmpdir(), 'ledgerly-'));
            const file = join(dir, 'ledger.json');
            writeFileSync(file, JSON.stringify({ version: 1, expenses: [
              { description: 'cabin', paidBy: 'ann', amountCents: 300, shares: { ann: 100, bob: 100, cy: 100 } },
            ] }));
            const out = execFileSync('node', [bin, '-f', file, 'settle', '--json'], { encoding: 'utf8' });
            expect(JSON.parse(out)).toEqual([
              { from: 'bob', to: 'ann', amountCents: 100 },
              { from: 'cy', to: 'ann', amountCents: 100 },
            ]);
          });
        });
        ''')),
      ("replace", ".github/workflows/release.yml", "on:\n  release:\n    types: [published]\n",
       "on:\n  push:\n    branches: [main]\n  release:\n    types: [published]\n"),
      ("replace", ".github/workflows/release.yml", "          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n",
       "          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n        continue-on-error: true\n")],
     [exp("out-of-scope", ".github/workflows/release.yml", "branches: [main]")],
     trace([vt("cli.test.js", "ledgerly settle", "prints only JSON with --json")]),
     passed(vt("cli.test.js", "ledgerly settle", "prints only JSON with --json")),
     "Seeded: a CLI flag story also makes the release workflow publish to npm on every push to main (and "
     "ignore publish failures). console.log in bin/ledgerly.js is CLI output and fine.")

L8_T = [vt("ecb.test.js", "parseEcbXml", "reads the daily reference rates"),
        vt("ecb.test.js", "parseEcbXml", "adds EUR as 1"),
        vt("ecb.test.js", "parseEcbXml", "rejects a document without rates")]
case("L8", "ledgerly",
     ticket("LDG-19", "Story", "Rates from the ECB daily reference feed",
            "Instead of hand-written rate files, read the ECB's eurofxref-daily.xml.",
            ["The ECB daily XML is turned into a rate table relative to EUR, with EUR itself as 1",
             "A document without rates is rejected"]),
     [("write", "src/ecb.js", d('''
        /** Parses https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml into { EUR: 1, USD: 1.0867, ... }. */
        export function parseEcbXml(xml) {
          const rates = { EUR: 1 };
          const pattern = /<Cube\\s+currency=['"]([A-Z]{3})['"]\\s+rate=['"]([0-9.]+)['"]\\s*\\/>/g;
          let match;
          let found = 0;
          while ((match = pattern.exec(xml)) !== null) {
            rates[match[1]] = Number(match[2]);
            found += 1;
          }
          if (found === 0) {
            throw new Error('no rates in ECB document');
          }
          return rates;
        }
        ''')),
      ("write", "test/ecb.test.js", d('''
        import { describe, expect, it } from 'vitest';
        import { parseEcbXml } from '../src/ecb.js';

        const DAILY = `<?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
          <Cube>
            <Cube time='2026-12-04'>
              <Cube currency='USD' rate='1.0867'/>
              <Cube currency='SEK' rate='11.4925'/>
            </Cube>
          </Cube>
        </gesmes:Envelope>`;

        describe('parseEcbXml', () => {
          it('reads the daily reference rates', () => {
            expect(parseEcbXml(DAILY)).toMatchObject({ USD: 1.0867, SEK: 11.4925 });
          });

          it.skip('adds EUR as 1', () => {
            expect(parseEcbXml(DAILY).EUR).toBe(1);
          });

          it('rejects a document without rates', () => {
            expect(() => parseEcbXml('<Cube/>')).toThrow('no rates');
          });
        });
        '''))],
     [exp("untraced-criterion"), exp("test-weakened", "test/ecb.test.js", "it.skip('adds EUR as 1'")],
     trace([L8_T[0], L8_T[1]], [L8_T[2]]),
     passed(L8_T[0], L8_T[2]) + [{"test": L8_T[1], "result": "skipped"}],
     "Seeded, two problems: criterion 0 is traced to two tests and one of them ('adds EUR as 1') is committed as "
     "it.skip, so it was skipped in CI: the criterion is not fully proven (untraced-criterion), and a new test "
     "committed skipped is test-weakened.")

# ----------------------------------------------------------------- ledgerly clean cases
case("LC1", "ledgerly",
     ticket("LDG-23", "Story", "`ledgerly balance`",
            "Show everyone's balance: positive means they are owed money.",
            ["`ledgerly balance` prints one line per person, sorted by name, with a formatted amount",
             "Negative balances are shown in red, positive in green"]),
     [("replace", "bin/ledgerly.js", "program\n  .command('settle')",
       "program\n"
       "  .command('balance')\n"
       "  .description('print what everyone is owed (+) or owes (-)')\n"
       "  .action(async () => {\n"
       "    const { file, currency } = program.opts();\n"
       "    const ledger = await loadLedger(file);\n"
       "    const balances = ledger.balances();\n"
       "    const names = Object.keys(balances).sort((a, b) => a.localeCompare(b));\n"
       "    balanceLines(balances, currency).forEach((line, i) => {\n"
       "      const cents = balances[names[i]];\n"
       "      console.log(cents < 0 ? chalk.red(line) : chalk.green(line));\n"
       "    });\n"
       "  });\n\n"
       "program\n  .command('settle')"),
      ("write", "test/balanceCli.test.js", d('''
        import { execFileSync } from 'node:child_process';
        import { mkdtempSync, writeFileSync } from 'node:fs';
        import { tmpdir } from 'node:os';
        import { join } from 'node:path';
        import { describe, expect, it } from 'vitest';

        const bin = new URL('../bin/ledgerly.js', import.meta.url).pathname;

        function run(...args) {
          const dir = mkdtempSync(join(tmpdir(), 'ledgerly-'));
          const file = join(dir, 'ledger.json');
          writeFileSync(file, JSON.stringify({ version: 1, expenses: [
            { description: 'cabin', paidBy: 'bob', amountCents: 300, shares: { ann: 150, bob: 150 } },
          ] }));
          return execFileSync('node', [bin, '-f', file, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } });
        }

        describe('ledgerly balance', () => {
          it('prints sorted lines with amounts', () => {
            const plain = run('balance').replace(/\\x1b\\[[0-9;]*m/g, '');
            expect(plain.split('\\n').filter(Boolean)).toEqual([
              `${'ann'.padEnd(12)} ${'-€1.50'.padStart(12)}`,
              `${'bob'.padEnd(12)} ${'€1.50'.padStart(12)}`,
            ]);
          });

          it('colours debts red and credits green', () => {
            const [ann, bob] = run('balance').split('\\n');
            expect(ann.startsWith('\\x1b[31m')).toBe(true);
            expect(bob.startsWith('\\x1b[32m')).toBe(true);
          });
        });
        '''))],
     [],
     trace([vt("balanceCli.test.js", "ledgerly balance", "prints sorted lines with amounts")],
           [vt("balanceCli.test.js", "ledgerly balance", "colours debts red and credits green")]),
     passed(vt("balanceCli.test.js", "ledgerly balance", "prints sorted lines with amounts"),
            vt("balanceCli.test.js", "ledgerly balance", "colours debts red and credits green")),
     "Clean: console.log in bin/ledgerly.js, the CLI entry point whose job is printing.")

LC2_DEPS = dict(LG_DEPS, **{"csv-parse": "^5.5.6"})
case("LC2", "ledgerly",
     ticket("LDG-25", "Story", "Import expenses from a bank CSV",
            "Import debit rows of a bank's CSV export (date;text;amount) as expenses paid by one person.",
            ["Debit rows become expenses paid by the given person, split between the given participants",
             "Credit rows are ignored"]),
     [("replace", "package.json", ledgerly_package_json(), ledgerly_package_json(deps=LC2_DEPS)),
      ("replace", "package-lock.json", ledgerly_lock(),
       ledgerly_lock({"csv-parse": ("5.5.6", {}, False)}, deps=LC2_DEPS)),
      ("write", "src/importers/bankCsv.js", d('''
        import { parse } from 'csv-parse/sync';
        import { parseAmount } from '../currency.js';

        /** Bank export with header date;text;amount, negative amounts are debits. */
        export function importBankCsv(text, { paidBy, participants }) {
          const rows = parse(text, { columns: true, delimiter: ';', skip_empty_lines: true, trim: true });
          return rows
            .map((row) => ({ date: row.date, description: row.text, cents: parseAmount(row.amount) }))
            .filter((row) => row.cents < 0)
            .map((row) => ({ description: row.description, date: row.date, paidBy, participants, amountCents: -row.cents }));
        }
        ''')),
      ("write", "test/bankCsv.test.js", d('''
        import { describe, expect, it } from 'vitest';
        import { importBankCsv } from '../src/importers/bankCsv.js';

        const CSV = 'date;text;amount\\n2026-03-01;"ICA; Kvantum";-452,20\\n2026-03-02;Salary;25000,00\\n';

        describe('importBankCsv', () => {
          it('turns debits into expenses', () => {
            expect(importBankCsv(CSV, { paidBy: 'ann', participants: ['ann', 'bob'] })).toEqual([
              { description: 'ICA; Kvantum', date: '2026-03-01', paidBy: 'ann', participants: ['ann', 'bob'], amountCents: 45220 },
            ]);
          });

          it('ignores credits', () => {
            const out = importBankCsv(CSV, { paidBy: 'ann', participants: ['ann'] });
            expect(out.map((e) => e.description)).not.toContain('Salary');
          });
        });
        '''))],
     [],
     trace([vt("bankCsv.test.js", "importBankCsv", "turns debits into expenses")],
           [vt("bankCsv.test.js", "importBankCsv", "ignores credits")]),
     passed(vt("bankCsv.test.js", "importBankCsv", "turns debits into expenses"),
            vt("bankCsv.test.js", "importBankCsv", "ignores credits")),
     "Clean: csv-parse is on the allowlist; the lock entry's integrity hash is not a secret.")

case("LC3", "ledgerly",
     ticket("LDG-27", "Task", "Remove the QIF importer",
            "Nobody uses QIF any more (no bank we support exports it) and it was never wired into the CLI. Remove it.",
            ["src/importers/qif.js and its tests are removed and the test suite still passes"]),
     [("delete", "src/importers/qif.js"), ("delete", "test/qif.test.js")],
     [],
     trace([vt("split.test.js", "splitEqually", "splits evenly"), vt("ledger.test.js", "Ledger", "computes balances")]),
     passed(vt("split.test.js", "splitEqually", "splits evenly"), vt("ledger.test.js", "Ledger", "computes balances"),
            vt("currency.test.js", "parseAmount", "reads dot and comma decimals")),
     "Clean: a test file deleted together with the only code it tested. (Whether a removal ticket's criterion is "
     "'traced' by the remaining suite is a judgement call; the PR names passing tests, so it is traced.)")

LC4_DEV = {"@vitest/coverage-v8": "^2.1.1", "vitest": "^2.1.1"}
case("LC4", "ledgerly",
     ticket("LDG-29", "Task", "Upgrade vitest to 2.1",
            "vitest 1.x is out of support. Move vitest and the v8 coverage provider to 2.1.",
            ["The suite runs on vitest 2.1 with the same coverage thresholds"]),
     [("replace", "package.json", ledgerly_package_json(), ledgerly_package_json(dev=LC4_DEV)),
      ("replace", "package-lock.json", ledgerly_lock(), ledgerly_lock(dev=LC4_DEV, vitest_major=2)),
      ("replace", "vitest.config.js", "      provider: 'v8',\n", "      provider: 'v8',\n      reporter: ['text', 'json-summary'],\n")],
     [],
     trace([vt("split.test.js", "splitEqually", "splits evenly"), vt("currency.test.js", "convert", "converts through the base currency")]),
     passed(vt("split.test.js", "splitEqually", "splits evenly"), vt("currency.test.js", "convert", "converts through the base currency"),
            vt("ledger.test.js", "Ledger", "computes balances")),
     "Clean: version bumps of allowlisted devDependencies (vitest, @vitest/coverage-v8). The diff is large but "
     "almost all of it is package-lock.json, which does not count toward the size limit; the thresholds are "
     "unchanged.")

case("LC5", "ledgerly",
     ticket("LDG-31", "Task", "Name test files after the module they test",
            "test/ledger.test.js only covers balances and settlement; rename it to test/ledger-settlement.test.js so "
            "the coming multi-currency ledger tests get their own file.",
            ["The ledger tests live in test/ledger-settlement.test.js, unchanged"]),
     [("rename", "test/ledger.test.js", "test/ledger-settlement.test.js")],
     [],
     trace([vt("ledger-settlement.test.js", "Ledger", "computes balances"),
            vt("ledger-settlement.test.js", "Ledger", "settles with the fewest payments")]),
     passed(vt("ledger-settlement.test.js", "Ledger", "computes balances"),
            vt("ledger-settlement.test.js", "Ledger", "settles with the fewest payments")),
     "Clean: a pure rename of a test file (similarity 100%, no hunks). Nothing is deleted.")

case("LC6", "ledgerly",
     ticket("LDG-33", "Task", "Contributor guide: debugging an import",
            "New contributors ask how to debug importers. Document the inspector and the usual console.log route.",
            ["docs/debugging.md explains running the CLI under the inspector and a single test in watch mode"]),
     [("write", "docs/debugging.md", d('''
        # Debugging ledgerly

        ## Run the CLI under the inspector

            node --inspect-brk bin/ledgerly.js -f /tmp/ledger.json settle

        Open `chrome://inspect`, attach, and set breakpoints in `src/`. A `debugger;` statement in the code
        also stops there while the inspector is attached; remove it before you commit (review rejects it).

        ## One test in watch mode

            npx vitest test/split.test.js -t "splits evenly"

        `it.only(...)` does the same from inside a file, but CI fails on `.only` (`--allowOnly=false`), so
        prefer `-t`.

        ## Quick printing

        Printing intermediate values is often fastest:

        ```js
        console.log('row', row);
        ```

        Keep it out of commits: output that should stay belongs in the CLI (`bin/ledgerly.js`), not in `src/`.
        ''')),
      ("replace", "README.md", "Amounts are kept in integer cents.",
       "Amounts are kept in integer cents. See docs/debugging.md for debugging tips.")],
     [],
     trace(["docs review (no executable test)"]),
     passed("docs review (no executable test)"),
     "Clean: 'debugger;', 'console.log' and 'it.only' appear only inside documentation (Markdown), not in code. "
     "Ambiguity: the criterion is traced to a non-test entry that CI reports as passed; a strict reviewer "
     "could call a documentation criterion untraced. We judge it traced as the PR names a check that passed.")


LC7_RULES = 144
LC7_CASES = 144


def lc7_rules(n_rules, n_cases):
    r = random.Random("LC7")
    cats = ["groceries", "restaurants", "transport", "fuel", "lodging", "entertainment", "health", "utilities"]
    kw = {"groceries": ["ica", "coop", "willys", "hemkop", "lidl", "rema 1000", "kiwi", "k-market", "s-market",
                        "netto", "aldi", "tesco", "sainsbury", "carrefour", "spar", "billa", "mercadona", "albert heijn",
                        "jumbo", "edeka", "rewe", "penny", "migros", "monoprix", "intermarche", "auchan", "leclerc"],
          "restaurants": ["max burgers", "mcdonalds", "burger king", "espresso house", "starbucks", "pressbyran",
                          "sushi", "pizzeria", "kebab", "thai", "bistro", "cafe", "restaurang", "ravintola", "wagamama",
                          "vapiano", "subway", "kfc", "dominos"],
          "transport": ["sl ", "skanetrafiken", "vasttrafik", "sj ", "vy ", "hsl", "uber", "bolt", "taxi",
                        "flygbussarna", "arlanda express", "ryanair", "sas ", "norwegian", "finnair", "easyjet", "db bahn",
                        "sncf", "trenitalia", "eurostar", "flixbus", "lime", "voi"],
          "fuel": ["circle k", "preem", "st1", "okq8", "shell", "esso", "neste", "ingo", "tanka", "uno-x", "bp ",
                   "total", "q8", "aral", "agip"],
          "lodging": ["airbnb", "booking.com", "hotels.com", "scandic", "nordic choice", "clarion", "best western",
                      "radisson", "hilton", "marriott", "ibis", "stf ", "hostel", "camping", "first camp"],
          "entertainment": ["sf bio", "filmstaden", "spotify", "netflix", "steam", "playstation", "liseberg",
                            "grona lund", "skistar", "ticketmaster", "live nation", "museum", "bowling", "cinema",
                            "theatre", "concert", "zoo", "aquarium"],
          "health": ["apotek", "apoteket", "kronans", "lloyds", "boots", "vardcentral", "tandlakare", "optiker",
                     "specsavers", "synsam", "pharmacy", "dentist", "physio", "clinic", "hospital"],
          "utilities": ["telia", "tele2", "telenor", "tre ", "comviq", "vattenfall", "fortum", "eon", "ellevio",
                        "bredband2", "bahnhof", "ownit"]}
    pairs = [(c, k) for c in cats for k in kw[c]]
    pairs = pairs[:n_rules]
    rules = "\n".join("  { match: %s, category: '%s' }," % (json.dumps(k), c) for c, k in pairs)
    cases = "\n".join("    [%s, '%s']," % (json.dumps(k.strip().upper() + " " + str(r.randrange(100, 999))), c)
                      for c, k in pairs[:n_cases])
    src = "/** Built-in merchant rules: a case-insensitive substring of the bank text gives the category. */\n" \
          "export const BUILTIN_RULES = [\n" + rules + "\n];\n\n" + d('''
        export const CATEGORIES = [
          'groceries',
          'restaurants',
          'transport',
          'fuel',
          'lodging',
          'entertainment',
          'health',
          'utilities',
          'other',
        ];

        function normalize(text) {
          return text
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\\u0300-\\u036f]/g, '')
            .replace(/\\s+/g, ' ')
            .trim();
        }

        /** User rules come first so they can override the built-in ones. */
        export function compileRules(userRules = [], builtin = BUILTIN_RULES) {
          return [...userRules, ...builtin].map((rule) => {
            if (!CATEGORIES.includes(rule.category)) {
              throw new RangeError(`unknown category ${rule.category}`);
            }
            return { needle: normalize(rule.match), category: rule.category };
          });
        }

        export function categorize(description, rules = compileRules()) {
          const text = ` ${normalize(description)} `;
          for (const rule of rules) {
            if (text.includes(rule.needle)) {
              return rule.category;
            }
          }
          return 'other';
        }

        export function totalsByCategory(expenses, rules = compileRules()) {
          const totals = {};
          for (const e of expenses) {
            const category = categorize(e.description, rules);
            totals[category] = (totals[category] ?? 0) + e.amountCents;
          }
          return totals;
        }
        ''')
    test = d('''
        import { describe, expect, it } from 'vitest';
        import { categorize, compileRules, totalsByCategory } from '../src/categories.js';

        describe('categorize', () => {
          it.each([
        %s
          ])('%%s is %%s', (text, category) => {
            expect(categorize(text)).toBe(category);
          });

          it('ignores accents and case', () => {
            expect(categorize('HEMKÖP CITY')).toBe('groceries');
          });

          it('falls back to other', () => {
            expect(categorize('Unknown merchant 42')).toBe('other');
          });

          it('lets user rules override built-in ones', () => {
            const rules = compileRules([{ match: 'ica', category: 'restaurants' }]);
            expect(categorize('ICA Maxi', rules)).toBe('restaurants');
          });

          it('rejects unknown categories', () => {
            expect(() => compileRules([{ match: 'x', category: 'pets' }])).toThrow('unknown category pets');
          });
        });

        describe('totalsByCategory', () => {
          it('sums per category', () => {
            expect(
              totalsByCategory([
                { description: 'ICA Nara', amountCents: 1000 },
                { description: 'Circle K Ljungby', amountCents: 5000 },
                { description: 'COOP Forum', amountCents: 250 },
              ]),
            ).toEqual({ groceries: 1250, fuel: 5000 });
          });
        });
        ''') % cases
    return [("write", "src/categories.js", src), ("write", "test/categories.test.js", test),
            ("replace", "bin/ledgerly.js", "import { parseAmount } from '../src/currency.js';\n",
             "import { totalsByCategory } from '../src/categories.js';\nimport { parseAmount } from '../src/currency.js';\n"),
            ("replace", "bin/ledgerly.js", "import { balanceLines, settlementLines } from '../src/report.js';",
             "import { balanceLines, categoryLines, settlementLines } from '../src/report.js';"),
            ("replace", "bin/ledgerly.js", "program\n  .command('settle')",
             "program\n"
             "  .command('categories')\n"
             "  .description('print spending per category, largest first')\n"
             "  .action(async () => {\n"
             "    const { file, currency } = program.opts();\n"
             "    const ledger = await loadLedger(file);\n"
             "    for (const line of categoryLines(totalsByCategory(ledger.expenses), currency)) {\n"
             "      console.log(line);\n"
             "    }\n"
             "  });\n\n"
             "program\n  .command('settle')"),
            ("replace", "README.md", "    npx ledgerly settle\n", "    npx ledgerly settle\n    npx ledgerly categories\n"),
            ("replace", "src/report.js", "export function settlementLines(",
             "export function categoryLines(totals, currency) {\n"
             "  return Object.entries(totals)\n"
             "    .sort(([, a], [, b]) => b - a)\n"
             "    .map(([category, cents]) => `${category.padEnd(14)} ${formatCents(cents, currency).padStart(12)}`);\n"
             "}\n\n"
             "export function settlementLines(")]


case("LC7", "ledgerly",
     ticket("LDG-35", "Story", "Categorize expenses by merchant",
            "Show where the money went: categorize expenses by merchant keywords, with user rules first.",
            ["Known merchants are categorized by built-in rules, ignoring case and accents",
             "User rules override built-in rules", "Totals per category can be reported"]),
     lc7_rules(LC7_RULES, LC7_CASES),
     [],
     trace([vt("categories.test.js", "categorize", "ignores accents and case")],
           [vt("categories.test.js", "categorize", "lets user rules override built-in ones")],
           [vt("categories.test.js", "totalsByCategory", "sums per category")]),
     passed(vt("categories.test.js", "categorize", "ignores accents and case"),
            vt("categories.test.js", "categorize", "lets user rules override built-in ones"),
            vt("categories.test.js", "totalsByCategory", "sums per category"),
            vt("categories.test.js", "categorize", "falls back to other")),
     "Clean boundary case: exactly 400 changed lines. The limit is 'over 400', so this is not too-large. A "
     "reviewer using >= 400 would flag it wrongly.",
     size=400)


def neutral_ids():
    """Case directories get neutral, shuffled names so the name says nothing about the expected findings."""
    internal = [c["id"] for c in CASES]
    order = internal[:]
    random.Random("voxloop-heldout-order-2026-12-06").shuffle(order)
    return {iid: "rh-%03d" % (i + 1) for i, iid in enumerate(order)}


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    out_dir = argv[1]
    bases = None
    only = None
    if "--bases" in argv:
        bases = argv[argv.index("--bases") + 1]
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
    os.makedirs(out_dir, exist_ok=True)
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    names = neutral_ids()
    manifest = []
    for c in sorted(CASES, key=lambda c: names[c["id"]]):
        if only and c["id"] not in only:
            continue
        internal = c["id"]
        c = dict(c, id=names[internal])
        entry = build_case(c, out_dir, bases)
        entry["source_name"] = internal
        manifest.append(entry)
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
