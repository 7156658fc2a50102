package se.trackit;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every {@code public static void test*()} method of every {@code *Test} class on the test classpath, prints
 * PASS/FAIL per test and exits 1 when one failed.
 */
public final class TestRunner {

    public static void main(String[] args) throws Exception {
        List<String> classes = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("test-classes")) {
                collect(new File(entry), "", classes);
            }
        }
        int failed = 0;
        int passed = 0;
        for (String name : classes) {
            Class<?> c = Class.forName(name);
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().startsWith("test") && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0) {
                    try {
                        m.invoke(null);
                        passed++;
                        System.out.println("PASS " + c.getSimpleName() + "." + m.getName());
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        failed++;
                        System.out.println("FAIL " + c.getSimpleName() + "." + m.getName() + ": " + e.getCause());
                    }
                }
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void collect(File dir, String pkg, List<String> out) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                collect(f, pkg + f.getName() + ".", out);
            } else if (f.getName().endsWith("Test.class")) {
                out.add(pkg + f.getName().replace(".class", ""));
            }
        }
    }
}
