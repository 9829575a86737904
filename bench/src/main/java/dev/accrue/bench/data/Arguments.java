package dev.accrue.bench.data;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a benchmark tool's command line; unknown or malformed ones print the usage. */
public final class Arguments {
    private final Map<String, String> values;
    private final String usage;

    private Arguments(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    /** The arguments, or null after printing why they are wrong. Positional arguments are kept under "" in order. */
    public static Arguments parse(String[] args, String usage) {
        Map<String, String> values = new HashMap<>();
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(usage);
                return null;
            }
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    System.err.println(args[i] + " needs a value\n" + usage);
                    return null;
                }
                values.put(args[i].substring(2), args[++i]);
            } else {
                values.put("" + positional++, args[i]);
            }
        }
        return new Arguments(values, usage);
    }

    public String text(String name, String fallback) {
        String value = values.getOrDefault(name, fallback);
        if (value == null) fail("--" + name + " is required");
        return value;
    }

    public long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            fail("--" + name + " takes a whole number, got '" + value + "'");
            return fallback;
        }
    }

    public int integer(String name, int fallback) {
        return Math.toIntExact(number(name, fallback));
    }

    private void fail(String why) {
        System.err.println(why + "\n" + usage);
        System.exit(2);
    }
}
