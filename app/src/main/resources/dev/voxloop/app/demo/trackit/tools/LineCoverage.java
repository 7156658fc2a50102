import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Line coverage with only a JDK: runs MAIN under the JDI debugger, puts a breakpoint on every line of the classes
 * whose sources are under SRC, records the first hit of each and writes a JaCoCo-format XML report.
 * Usage: java tools/LineCoverage.java CLASSPATH MAIN PACKAGE_PREFIX SRC OUT.xml
 */
public class LineCoverage {

    public static void main(String[] a) throws Exception {
        LaunchingConnector lc = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> args = lc.defaultArguments();
        args.get("main").setValue(a[1]);
        args.get("options").setValue("-cp " + a[0]);
        VirtualMachine vm = lc.launch(args);
        pipe(vm.process().getInputStream(), System.out);
        pipe(vm.process().getErrorStream(), System.err);
        EventRequestManager erm = vm.eventRequestManager();
        ClassPrepareRequest cpr = erm.createClassPrepareRequest();
        cpr.addClassFilter(a[2] + ".*");
        cpr.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        cpr.enable();
        Map<String, TreeMap<Integer, Boolean>> lines = new TreeMap<>();
        vm.resume();
        boolean running = true;
        while (running) {
            EventSet set = vm.eventQueue().remove();
            for (Event e : set) {
                if (e instanceof ClassPrepareEvent cpe) {
                    prepare(cpe.referenceType(), a[3], lines, erm);
                } else if (e instanceof BreakpointEvent be) {
                    Location l = be.location();
                    TreeMap<Integer, Boolean> m = lines.get(key(l.declaringType(), l.sourceName()));
                    if (m != null) {
                        m.put(l.lineNumber(), true);
                    }
                    erm.deleteEventRequest(be.request());
                } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                    running = false;
                }
            }
            set.resume();
        }
        int exit = vm.process().waitFor();
        write(Path.of(a[4]), lines);
        System.exit(exit);
    }

    static void prepare(ReferenceType t, String src, Map<String, TreeMap<Integer, Boolean>> lines,
                        EventRequestManager erm) {
        try {
            String key = key(t, t.sourceName());
            if (!Files.exists(Path.of(src, key))) {
                return;
            }
            TreeMap<Integer, Boolean> m = lines.computeIfAbsent(key, k -> new TreeMap<>());
            for (Location l : t.allLineLocations()) {
                m.putIfAbsent(l.lineNumber(), false);
                BreakpointRequest br = erm.createBreakpointRequest(l);
                br.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                br.enable();
            }
        } catch (AbsentInformationException ignored) {
            // compiled without -g: nothing to measure
        }
    }

    static String key(ReferenceType t, String sourceName) {
        String n = t.name();
        int dot = n.lastIndexOf('.');
        return (dot < 0 ? "" : n.substring(0, dot).replace('.', '/') + "/") + sourceName;
    }

    static void write(Path out, Map<String, TreeMap<Integer, Boolean>> lines) throws Exception {
        Map<String, StringBuilder> byPackage = new TreeMap<>();
        for (var e : lines.entrySet()) {
            int slash = e.getKey().lastIndexOf('/');
            String pkg = slash < 0 ? "" : e.getKey().substring(0, slash);
            String file = e.getKey().substring(slash + 1);
            StringBuilder b = byPackage.computeIfAbsent(pkg, k -> new StringBuilder());
            b.append("  <sourcefile name=\"").append(file).append("\">\n");
            for (var l : e.getValue().entrySet()) {
                int hit = l.getValue() ? 1 : 0;
                b.append("   <line nr=\"").append(l.getKey()).append("\" mi=\"").append(1 - hit).append("\" ci=\"")
                        .append(hit).append("\" mb=\"0\" cb=\"0\"/>\n");
            }
            b.append("  </sourcefile>\n");
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report name=\"trackit\">\n");
        for (var p : byPackage.entrySet()) {
            x.append(" <package name=\"").append(p.getKey()).append("\">\n").append(p.getValue()).append(" </package>\n");
        }
        x.append("</report>\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, x.toString());
    }

    static void pipe(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
                out.flush();
            } catch (Exception ignored) {
                // the debuggee went away
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
