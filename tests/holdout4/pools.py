"""Unrelated names, handles and bios used to fill the parts of a line that must NOT decide it."""

# (display name, handle base). No base is a lookalike of a registry handle.
PERSONS = [
    ("佐藤 みゆき", "miyuki_s0612"), ("高橋 健太", "kenta_tkhs"), ("田中 由美", "yumi_tanaka88"),
    ("伊藤 翔", "sho_ito_21"), ("渡辺 さくら", "sakura_wtnb"), ("山本 大輔", "dai_yamamoto"),
    ("中村 愛", "ai_nkmr"), ("小林 拓也", "takuya_kb"), ("加藤 真由", "mayu_kt"),
    ("吉田 亮", "ryo_ysd_"), ("山田 花音", "kanon_ymd"), ("佐々木 悠斗", "yuto_ssk"),
    ("山口 美咲", "misaki_ymgc"), ("松本 蓮", "ren_mtmt"), ("井上 彩", "aya_inoue7"),
    ("木村 陽介", "yosuke_kmr"), ("林 結衣", "yui_hys"), ("斎藤 直人", "naoto_sit"),
    ("清水 菜々", "nana_shmz"), ("山崎 智也", "tomoya_ymzk"), ("森 香織", "kaori_mori3"),
    ("池田 圭", "kei_ikd"), ("橋本 舞", "mai_hsmt"), ("阿部 聡", "satoshi_abe_"),
    ("石川 千尋", "chihiro_isk"), ("前田 大和", "yamato_mae"), ("藤田 優花", "yuka_fjt"),
    ("小川 誠", "makoto_ogw"), ("岡田 陽菜", "hina_okd"), ("後藤 隼人", "hayato_goto"),
    ("Yuki M.", "yuki_m_works"), ("あおい🌸", "aoi_hana22"), ("たっくん", "takkun_0909"),
    ("ゆうこ@転職活動中", "yuko_tenshoku"), ("Mika ☕", "mika_coffee_"), ("けんじ", "kenji_1985"),
    ("はるか", "haruka_daily"), ("Sho", "sho_photos"), ("まい", "mai_mai_318"),
    ("りょう", "ryo_runner"), ("中島 紀子", "noriko_nkjm"), ("村上 蒼", "ao_murakami"),
    ("近藤 美穂", "miho_kondo"), ("遠藤 健", "ken_endo_"), ("青木 里奈", "rina_aok"),
    ("坂本 陸", "riku_skmt"), ("福田 杏", "anzu_fkd"), ("太田 颯", "hayate_ota"),
    ("西村 栞", "shiori_nsmr"), ("藤井 湊", "minato_fji"), ("岡本 芽依", "mei_okmt"),
    ("松田 樹", "itsuki_mtd"), ("中川 紬", "tsumugi_nkgw"), ("原田 結翔", "yuito_hrd"),
    ("小野 凛", "rin_ono_"), ("田村 悠真", "yuma_tmr"), ("竹内 葵", "aoi_tkuc"),
    ("金子 朔", "saku_kaneko"), ("和田 陽葵", "himari_wd"), ("中山 律", "ritsu_nkym"),
    ("野口 奏", "kanade_ngc"), ("菊地 拓海", "takumi_kkc"), ("大野 楓", "kaede_ono"),
    ("Ken T.", "ken_t_daily"), ("ちひろ", "chihiro_mame"), ("そうた", "sota_bike"),
]

# Topical names that name no registry office (a place word and a service word at most).
TOPICS = [
    ("札幌の求人まとめ", "spr_job_matome"), ("道東おしごと情報", "doto_oshigoto"),
    ("鹿児島ワークス速報", "kgsm_works_news"), ("北海道のしごとニュース", "hkd_shigoto_nw"),
    ("転職ノート", "tenshoku_note"), ("就活ラボ", "shukatsu_lab_"), ("鹿児島くらし便り", "kgsm_kurashi"),
    ("十勝グルメ日記", "tokachi_gourmet"), ("空港フォトログ", "airport_photolog"),
    ("火山ウォッチ", "kazan_watch_"), ("求人ピックアップ", "kyujin_pickup"),
    ("シニアのお仕事探し", "senior_shigoto"), ("ママの働き方ラボ", "mama_hatarakikata"),
    ("就職フェア情報局", "fair_info_kyoku"), ("北の求人板", "kita_no_kyujin"),
    ("南国しごと探し", "nangoku_shigoto"), ("温泉だより", "onsen_dayori_"),
    ("花と庭の写真帳", "hana_niwa_photo"), ("川べりつれづれ", "kawabe_tsure"),
    ("日本海の夕陽", "nihonkai_yuhi"), ("くらしメモ東京", "kurashi_memo_tk"),
    ("道産子ワーカー", "dosanko_worker"), ("薩摩の仕事人", "satsuma_shigoto"),
    ("はたらく応援ブログ", "hataraku_blog_"), ("求人アンテナ", "kyujin_antenna"),
    ("キャリアの窓", "career_no_mado"), ("学生のための就活メモ", "shukatsu_memo_"),
    ("地方移住と仕事", "iju_to_shigoto"), ("北国フォトログ", "kitaguni_photo"),
    ("ワークライフ通信", "worklife_news_"), ("お仕事カレンダー", "oshigoto_cal"),
    ("資格の話", "shikaku_talk"), ("子育てと仕事", "kosodate_shigoto"),
    ("週末ハイク", "weekend_hike_"), ("九州ジョブ通信", "kyushu_job_news"),
    ("スモールビズ東京", "tokyo_smallbiz"), ("港町さんぽ", "minatomachi_walk"),
    ("今日の一枚", "kyou_no_ichimai"), ("ローカル求人ウォッチ", "local_kyujin_w"),
    ("ものづくり日記", "monozukuri_diary"), ("働くママ応援団", "hataraku_mama_"),
    ("火山と海の街", "kazan_umi_machi"), ("バラ園さんぽ", "rose_sanpo"),
    ("ライラックの季節", "lilac_kisetsu"), ("夕焼けハンター", "yuyake_hunter"),
    ("黒板アート部", "kokuban_art"), ("キツネ好き", "kitsune_suki"),
    ("ダイバーシティ通信", "diversity_news_"), ("転職のミカタ", "tenshoku_mikata"),
    ("就活カフェ", "shukatsu_cafe_"),
]

BIO_SUSPECT = [
    "求人情報・就職支援のお知らせを発信しています。",
    "最新の求人・セミナー情報をお届けします。お気軽にDMください。",
    "就職に関するご相談はDMで受け付けています。",
    "職業訓練・各種助成金のご案内。",
    "新卒・既卒の就職活動を応援します！",
    "子育て中の方の就職をサポートします。",
    "",
    "イベント・説明会の情報をお知らせします。",
    "公式LINEはプロフィールのリンクから。",
    "フォローお願いします。",
]

BIO_PERSON = [
    "会社員。休日は写真を撮っています。",
    "転職活動中です。よろしくお願いします。",
    "カフェ巡りと読書。",
    "二児の母。",
    "",
    "釣りとキャンプ。",
    "地元が好き。",
    "学生です。",
    "日々のことを気ままに。",
    "猫と暮らしています。",
]

BIO_TOPIC = [
    "地域の求人やイベントを個人でまとめています。",
    "写真と日々の記録。",
    "気になったニュースをシェア。",
    "",
    "おすすめ情報を発信中。",
    "まとめアカウントです。",
]

MASTODON_INSTANCES = ["mstdn.jp", "pawoo.net", "mastodon.social", "fedibird.com", "mastodon-japan.net"]
