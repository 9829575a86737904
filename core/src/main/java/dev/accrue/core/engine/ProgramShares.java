package dev.accrue.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits the programs of a simulation into shares that engines can run side by side. Programs interact
 * only within a stacking group (the first matching program takes the line), so a group stays in one share,
 * and so do a program's versions. Shares are balanced by the number of event rules, a rough measure of the
 * work per event; the split depends only on the programs, so a run is repeatable.
 */
final class ProgramShares {
    private ProgramShares() {}

    /** At most {@code wanted} shares, each a test for the programs in it; one share when there is nothing to split. */
    static List<Predicate<ProgramVersion>> split(List<ProgramVersion> programs, int wanted) {
        // Units of programs that must stay together: joined by program id and by stacking group (union-find).
        Map<String, String> parent = new HashMap<>();
        for (ProgramVersion version : programs) {
            String program = "program:" + version.program().id().value();
            parent.putIfAbsent(program, program);
            if (version.program().stacking() != null) {
                String group = "group:" + version.program().stacking().group();
                parent.putIfAbsent(group, group);
                String a = root(parent, program);
                String b = root(parent, group);
                if (!a.equals(b)) parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        Map<String, List<ProgramVersion>> units = new HashMap<>();
        for (ProgramVersion version : programs) {
            String unit = root(parent, "program:" + version.program().id().value());
            units.computeIfAbsent(unit, u -> new ArrayList<>()).add(version);
        }
        int shares = Math.min(Math.max(1, wanted), units.size());
        if (shares <= 1) return List.of(version -> true);

        List<Map.Entry<String, List<ProgramVersion>>> heaviestFirst = new ArrayList<>(units.entrySet());
        heaviestFirst.sort(Comparator.comparingInt((Map.Entry<String, List<ProgramVersion>> unit) -> -weight(unit.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<List<ProgramVersion>> assigned = new ArrayList<>();
        int[] load = new int[shares];
        for (int s = 0; s < shares; s++) assigned.add(new ArrayList<>());
        for (Map.Entry<String, List<ProgramVersion>> unit : heaviestFirst) {
            int lightest = 0;
            for (int s = 1; s < shares; s++) if (load[s] < load[lightest]) lightest = s;
            assigned.get(lightest).addAll(unit.getValue());
            load[lightest] += weight(unit.getValue());
        }
        List<Predicate<ProgramVersion>> tests = new ArrayList<>();
        for (List<ProgramVersion> share : assigned) {
            Set<ProgramVersion> members = Collections.newSetFromMap(new IdentityHashMap<>());
            members.addAll(share);
            tests.add(members::contains);
        }
        return tests;
    }

    private static String root(Map<String, String> parent, String key) {
        String root = key;
        while (!parent.get(root).equals(root)) root = parent.get(root);
        return root;
    }

    private static int weight(List<ProgramVersion> unit) {
        int rules = 0;
        for (ProgramVersion version : unit) {
            for (var track : version.program().tracks()) rules += track.rules().size();
        }
        return Math.max(1, rules);
    }
}
