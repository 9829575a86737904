package dev.accrue.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers names (event types, product families) from 0 in the order they are first seen, so state can be kept in arrays. */
final class Numbering {
    /** The first names are also found by identity: the parser pools these texts, so a hash lookup is rarely needed. */
    private static final int BY_IDENTITY_MAX = 16;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private String[] first = new String[0];

    int number(String name) {
        String[] known = first;
        for (int i = 0; i < known.length; i++) {
            if (known[i] == name) return i;
        }
        Integer number = numbers.get(name);
        if (number == null) {
            number = names.size();
            numbers.put(name, number);
            names.add(name);
            if (number < BY_IDENTITY_MAX) {
                first = Arrays.copyOf(first, number + 1);
                first[number] = name;
            }
        }
        return number;
    }

    String name(int number) {
        return names.get(number);
    }
}
