package dev.meshwizard.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A unified line diff: Myers' shortest edit script over whole lines, grouped into hunks with context lines and
 * {@code @@ -a,b +c,d @@} markers as {@code diff -u} prints them. Common leading and trailing lines are skipped
 * before the search; when two texts differ in more than {@value #MAX_EDITS} lines the differing middle is shown as
 * removed and added as a whole.
 */
public final class LineDiff {

    /** Context lines around each change, as {@code diff -u} uses by default. */
    public static final int DEFAULT_CONTEXT = 3;
    private static final int MAX_EDITS = 2000;

    private enum Op { EQUAL, DELETE, INSERT }

    private record Edit(Op op, int oldIndex, int newIndex) {
    }

    private LineDiff() {
    }

    /** The unified diff of two texts split at line breaks, with {@value #DEFAULT_CONTEXT} context lines. */
    public static List<DiffLine> unified(String before, String after) {
        return unified(lines(before), lines(after), DEFAULT_CONTEXT);
    }

    /**
     * The unified diff from {@code before} to {@code after}.
     *
     * @param context how many unchanged lines to show around each change
     * @return hunk markers followed by their lines; empty when the lists are equal
     */
    public static List<DiffLine> unified(List<String> before, List<String> after, int context) {
        List<Edit> edits = edits(before, after);
        List<DiffLine> out = new ArrayList<>();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == Op.EQUAL) {
                i++;
                continue;
            }
            int from = Math.max(0, i - context);
            int lastChange = i;
            int j = i + 1;
            while (j < edits.size()) {
                if (edits.get(j).op != Op.EQUAL) {
                    if (j - lastChange - 1 > 2 * context) {
                        break;
                    }
                    lastChange = j;
                }
                j++;
            }
            int to = Math.min(edits.size(), lastChange + context + 1);
            hunk(edits.subList(from, to), before, after, out);
            i = to;
        }
        return out;
    }

    /** Splits text at {@code \n}; no trailing empty line for a final line break; none for empty text. */
    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static void hunk(List<Edit> edits, List<String> before, List<String> after, List<DiffLine> out) {
        int oldCount = 0;
        int newCount = 0;
        for (Edit edit : edits) {
            oldCount += edit.op == Op.INSERT ? 0 : 1;
            newCount += edit.op == Op.DELETE ? 0 : 1;
        }
        Edit first = edits.get(0);
        int oldStart = oldCount == 0 ? first.oldIndex : first.oldIndex + 1;
        int newStart = newCount == 0 ? first.newIndex : first.newIndex + 1;
        out.add(new DiffLine(DiffLine.Kind.HUNK,
                "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@"));
        for (Edit edit : edits) {
            out.add(switch (edit.op) {
                case EQUAL -> new DiffLine(DiffLine.Kind.CONTEXT, before.get(edit.oldIndex));
                case DELETE -> new DiffLine(DiffLine.Kind.REMOVED, before.get(edit.oldIndex));
                case INSERT -> new DiffLine(DiffLine.Kind.ADDED, after.get(edit.newIndex));
            });
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(Op.EQUAL, i, i));
        }
        List<String> middleA = a.subList(prefix, a.size() - suffix);
        List<String> middleB = b.subList(prefix, b.size() - suffix);
        for (Edit edit : middle(middleA, middleB)) {
            edits.add(new Edit(edit.op, edit.oldIndex + prefix, edit.newIndex + prefix));
        }
        for (int i = 0; i < suffix; i++) {
            edits.add(new Edit(Op.EQUAL, a.size() - suffix + i, b.size() - suffix + i));
        }
        return edits;
    }

    /** Myers' greedy search, keeping each round's furthest points to walk the path back. */
    private static List<Edit> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_EDITS);
        int offset = n + m + 1;
        int[] v = new int[2 * offset + 1];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, n, m);
                }
            }
        }
        List<Edit> replaced = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replaced.add(new Edit(Op.DELETE, i, 0));
        }
        for (int j = 0; j < m; j++) {
            replaced.add(new Edit(Op.INSERT, n, j));
        }
        return replaced;
    }

    private static List<Edit> backtrack(List<int[]> trace, int n, int m) {
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d > 0; d--) {
            int[] v = trace.get(d);
            int base = d + 1;
            int k = x - y;
            int previousK = k == -d || k != d && v[base + k - 1] < v[base + k + 1] ? k + 1 : k - 1;
            int previousX = v[base + previousK];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                x--;
                y--;
                reversed.add(new Edit(Op.EQUAL, x, y));
            }
            if (x == previousX) {
                reversed.add(new Edit(Op.INSERT, x, previousY));
            } else {
                reversed.add(new Edit(Op.DELETE, previousX, y));
            }
            x = previousX;
            y = previousY;
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            reversed.add(new Edit(Op.EQUAL, x, y));
        }
        Collections.reverse(reversed);
        return reversed;
    }
}
