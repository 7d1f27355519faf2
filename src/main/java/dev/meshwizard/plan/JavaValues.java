package dev.meshwizard.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edits of plain Java values (maps and lists as SnakeYAML builds them) along a values path. */
final class JavaValues {

    private JavaValues() {
    }

    /**
     * Sets {@code value} at the segments of {@code path} from {@code from} on, inside {@code root}, creating
     * missing mappings. Returns {@code root}, changed in place.
     */
    @SuppressWarnings("unchecked")
    static Object set(Object root, ValuesPath path, int from, Object value) {
        Object container = root;
        for (int i = from; i < path.size(); i++) {
            Object segment = path.segments().get(i);
            boolean last = i == path.size() - 1;
            if (segment instanceof String key && container instanceof Map<?, ?> map) {
                Map<String, Object> m = (Map<String, Object>) map;
                if (last) {
                    m.put(key, value);
                    break;
                }
                Object next = m.get(key);
                if (next == null) {
                    next = new LinkedHashMap<String, Object>();
                    m.put(key, next);
                }
                container = next;
            } else if (segment instanceof Integer index && container instanceof List<?> list) {
                List<Object> l = (List<Object>) list;
                if (last && index == l.size()) {
                    l.add(value);
                    break;
                }
                if (index < 0 || index >= l.size()) {
                    throw new ValuesException(path + ": there is no item " + index, 0, 0, path.toString());
                }
                if (last) {
                    l.set(index, value);
                    break;
                }
                container = l.get(index);
            } else {
                throw new ValuesException("cannot set " + path + ": "
                        + new ValuesPath(path.segments().subList(0, i)) + " is not a "
                        + (segment instanceof String ? "mapping" : "list"), 0, 0, path.toString());
            }
        }
        return root;
    }

    /** Removes what the segments of {@code path} from {@code from} on name inside {@code root}; false if absent. */
    static boolean remove(Object root, ValuesPath path, int from) {
        Object container = root;
        for (int i = from; i < path.size(); i++) {
            Object segment = path.segments().get(i);
            boolean last = i == path.size() - 1;
            if (segment instanceof String key && container instanceof Map<?, ?> map) {
                if (last) {
                    boolean had = map.containsKey(key);
                    map.remove(key);
                    return had;
                }
                container = map.get(key);
            } else if (segment instanceof Integer index && container instanceof List<?> list
                    && index >= 0 && index < list.size()) {
                if (last) {
                    list.remove((int) index);
                    return true;
                }
                container = list.get(index);
            } else {
                return false;
            }
        }
        return false;
    }
}
