package org.gateboard.poster;

import org.gateboard.base.pdf.PaperSize;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Demo mode: every venue without a poster gets one, published as version 1 and printed, as if the posters had
 * been put up on the day the notice came out. Nothing is outdated until someone changes a channel or a poster.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "gateboard.demo.enabled", havingValue = "true")
class DemoPosters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPosters.class);

    private final VenueService venues;
    private final PosterService posters;
    private final PosterStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoPosters(VenueService venues, PosterService posters, PosterStore store, TransactionTemplate tx, Clock clock) {
        this.venues = venues;
        this.posters = posters;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int seeded = 0;
        for (Venue venue : venues.venues()) {
            if (store.latest(venue.id()).isPresent()) {
                continue;
            }
            tx.executeWithoutResult(status -> seed(venue));
            seeded++;
        }
        if (seeded > 0) {
            log.info("Demo posters published and printed for {} venues", seeded);
        }
    }

    private void seed(Venue venue) {
        PosterTemplate template = store.templates().get(0);
        PosterDraft draft = new PosterDraft(venue.id(), "一楼大厅入口管控处", "Ground-floor lobby control point",
                venue.address() == null ? "" : venue.address(), "",
                "工作日 8:30–17:00 开放；递交投标文件请提前到达，预留排队核验时间。",
                "Open on working days 8:30–17:00. Delivering bid documents? Come early: allow for the queue.",
                store.channels().stream().filter(ChannelDefinition::required).map(ChannelDefinition::channel)
                        .collect(java.util.stream.Collectors.toSet()),
                template.paperSize(), template.language(), 0);
        store.saveDraft(draft, clock.instant(), "system");
        PosterVersion v = posters.insertVersion(venue.id(), posters.compose(venue, draft), "演示数据 / demo data")
                .orElseThrow();
        store.insertPrint("SHEET", PaperSize.A4, clock.instant(), "system", v.content().channels().stream()
                .map(ch -> new PosterStore.PrintItem(venue.id(), v.version(), ch)).toList());
    }
}
