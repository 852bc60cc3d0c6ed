package org.gateboard.refusal.ui;

import org.gateboard.refusal.RefusalItem;
import org.gateboard.refusal.RefusalItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Feeds the grid's offset requests from keyset pages: remembers the cursor at every position a page ended,
 * and starts each request from the nearest one at or before its offset. The grid asks for its pages in order
 * as the person scrolls, so a request almost always starts exactly at a remembered cursor, and a page deep in
 * the list costs what the first one does.
 */
class KeysetPager {

    interface Source {
        RefusalItems page(String after, int limit);
    }

    private final Source source;
    /** Offset to the cursor that continues there; null value: the list's start. The end is {@link #end}. */
    private final TreeMap<Integer, String> cursors = new TreeMap<>(Map.of(0, ""));
    private Integer end;

    KeysetPager(Source source) {
        this.source = source;
    }

    Stream<RefusalItem> fetch(int offset, int limit) {
        if (end != null && offset >= end) {
            return Stream.empty();
        }
        Map.Entry<Integer, String> start = cursors.floorEntry(offset);
        int position = start.getKey();
        String cursor = start.getValue();
        List<RefusalItem> items = new ArrayList<>(limit);
        while (position < offset + limit) {
            RefusalItems page = source.page(cursor.isEmpty() ? null : cursor, Math.min(500, offset + limit - position));
            for (RefusalItem item : page.items()) {
                if (position >= offset) {
                    items.add(item);
                }
                position++;
            }
            if (page.next() == null) {
                end = position;
                break;
            }
            cursor = page.next();
            cursors.put(position, cursor);
        }
        return items.stream();
    }
}
