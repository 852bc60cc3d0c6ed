-- Channel QR posters. Only the poster feature reads and writes these tables.

-- Where a person obtains the code (notice rule 4): one row per channel of the verdict feature's enum.
CREATE TABLE poster_channel (
    channel         VARCHAR(16)  NOT NULL,
    sort_order      INT          NOT NULL,
    name_zh         VARCHAR(60)  NOT NULL,
    name_en         VARCHAR(60)  NOT NULL,
    -- what the QR code holds: an https URL or an app deep link (see docs/posters.md for the limits)
    payload         VARCHAR(100) NOT NULL,
    instructions_zh VARCHAR(200) NOT NULL,
    instructions_en VARCHAR(300) NOT NULL,
    -- notice rule 5: venues must post APP, ALIPAY and WECHAT
    required        BOOLEAN      NOT NULL,
    version         INT          NOT NULL DEFAULT 1,
    updated_at      DATETIME(3)  NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The city-wide template of each channel's poster: the texts around the codes and the default paper.
CREATE TABLE poster_template (
    channel         VARCHAR(16)  NOT NULL,
    title_zh        VARCHAR(60)  NOT NULL,
    title_en        VARCHAR(100) NOT NULL,
    instructions_zh VARCHAR(300) NOT NULL,
    instructions_en VARCHAR(500) NOT NULL,
    footer_zh       VARCHAR(120) NOT NULL,
    footer_en       VARCHAR(200) NOT NULL,
    appeal_zh       VARCHAR(120) NOT NULL,
    appeal_en       VARCHAR(200) NOT NULL,
    paper_size      VARCHAR(4)   NOT NULL,
    language        VARCHAR(8)   NOT NULL,
    version         INT          NOT NULL DEFAULT 1,
    updated_at      DATETIME(3)  NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (channel),
    CONSTRAINT fk_poster_template_channel FOREIGN KEY (channel) REFERENCES poster_channel (channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A venue's poster as its manager is editing it (the draft). Published versions are in poster_version.
CREATE TABLE venue_poster (
    venue_id         BIGINT       NOT NULL,
    control_point_zh VARCHAR(60)  NOT NULL,
    control_point_en VARCHAR(100) NOT NULL,
    location_zh      VARCHAR(100) NOT NULL,
    location_en      VARCHAR(150) NOT NULL,
    notes_zh         VARCHAR(300) NOT NULL,
    notes_en         VARCHAR(500) NOT NULL,
    -- comma-separated channels, e.g. 'APP,ALIPAY,WECHAT'
    channels         VARCHAR(64)  NOT NULL,
    paper_size       VARCHAR(4)   NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    version          INT          NOT NULL DEFAULT 1,
    updated_at       DATETIME(3)  NOT NULL,
    updated_by       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (venue_id),
    CONSTRAINT fk_venue_poster_venue FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every published version of a venue's poster: immutable, with everything a print needs (content_json),
-- so a reprint of version 3 next year shows exactly what version 3 showed.
CREATE TABLE poster_version (
    venue_id      BIGINT       NOT NULL,
    version       INT          NOT NULL,
    content_json  TEXT         NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    channel_count INT          NOT NULL,
    published_at  DATETIME(3)  NOT NULL,
    published_by  VARCHAR(64)  NOT NULL,
    reason        VARCHAR(300) NOT NULL,
    PRIMARY KEY (venue_id, version),
    CONSTRAINT fk_poster_version_venue FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The print log: every PDF generated for printing, and which venue, version and channel each held.
CREATE TABLE poster_print (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    printed_at DATETIME(3) NOT NULL,
    printed_by VARCHAR(64) NOT NULL,
    -- CHANNEL (one channel's poster), SHEET (a venue's channels on one page), BATCH (every venue)
    kind       VARCHAR(8)  NOT NULL,
    paper_size VARCHAR(4)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE poster_print_item (
    print_id BIGINT      NOT NULL,
    venue_id BIGINT      NOT NULL,
    version  INT         NOT NULL,
    channel  VARCHAR(16) NOT NULL,
    PRIMARY KEY (print_id, venue_id, channel),
    KEY ix_poster_print_item_version (venue_id, version),
    CONSTRAINT fk_poster_print_item_print FOREIGN KEY (print_id) REFERENCES poster_print (id),
    CONSTRAINT fk_poster_print_item_version FOREIGN KEY (venue_id, version) REFERENCES poster_version (venue_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The four channels of the notice (rule 4) with the steps of its annex (随申码使用指南).
INSERT INTO poster_channel (channel, sort_order, name_zh, name_en, payload, instructions_zh, instructions_en,
                            required, updated_at, updated_by)
VALUES ('APP', 1, '“随申办”APP', 'Suishenban app',
        'https://zwdt.sh.gov.cn/ssb/app/ssm?src=venue-poster',
        '打开“随申办”APP“扫一扫”扫描此码，或在首页点击“随申码”，经实人认证后亮码。',
        'Scan with the Suishenban app, or tap Suishenma on its home page; the code shows after face authentication.',
        TRUE, '2020-02-22 16:00:00.000', 'system'),
       ('ALIPAY', 2, '“随申办”支付宝小程序', 'Suishenban Alipay mini-program',
        'alipays://platformapi/startapp?appId=2021001107693481',
        '打开支付宝“扫一扫”扫描此码，或在支付宝内搜索“随申办”进入小程序，点击“随申码”，经人脸识别后亮码。',
        'Scan with Alipay, or search Suishenban in Alipay; tap Suishenma and show the code after face recognition.',
        TRUE, '2020-02-22 16:00:00.000', 'system'),
       ('WECHAT', 3, '“随申办”微信小程序', 'Suishenban WeChat mini-program',
        'https://mp.weixin.qq.com/a/~ssb-suishenma',
        '打开微信“扫一扫”扫描此码，或通过“上海发布”公众号“随申办”频道进入小程序，点击“随申码”，经人脸识别后亮码。',
        'Scan with WeChat, or open the mini-program from the Shanghai Release account; tap Suishenma after face recognition.',
        TRUE, '2020-02-22 16:00:00.000', 'system'),
       ('HEALTH_CLOUD', 4, '“健康云”平台', 'Health Cloud platform',
        'https://jky.sh.gov.cn/hc/arrival-registration?src=venue-poster',
        '来沪人员扫描此码，在“健康云”完成“来沪人员健康登记”后获取“随申码”。',
        'Visitors from outside Shanghai: scan to complete the arrival health registration on Health Cloud, then get the code.',
        FALSE, '2020-02-22 16:00:00.000', 'system');

INSERT INTO poster_template (channel, title_zh, title_en, instructions_zh, instructions_en, footer_zh, footer_en,
                             appeal_zh, appeal_en, paper_size, language, updated_at, updated_by)
SELECT channel,
       '请扫码出示“随申码”',
       'Scan to show your Suishenma health code',
       '进入交易场所须主动出示“随申码”，经工作人员核验为绿色方可进入；“随申码”无照片的，请同时出示有效居民身份证。请佩戴口罩，配合体温检测。',
       'Show your Suishenma code to enter; only green may enter. A code without a photo needs your resident ID card. Wear a mask and have your temperature taken.',
       '上海市建设工程交易服务中心　上海市建设工程招标投标管理办公室',
       'Shanghai Construction Project Trading Service Centre · Shanghai Construction Project Bidding Administration Office',
       '对“随申码”数据有异议的，可点击“随申码”下方“我要申诉”留言。',
       'If your code''s data is wrong, use 我要申诉 (Appeal) below the code.',
       'A4', 'ZH_EN', '2020-02-22 16:00:00.000', 'system'
FROM poster_channel;
