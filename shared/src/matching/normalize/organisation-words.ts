import { transliterate } from './transliterate';

/**
 * Words of organisation names written in Arabic script (Arabic, Persian, Urdu, Pashto), and the English words listings
 * translate them to: "شبكة حقاني" is listed as "HAQQANI NETWORK", "الجماعة الاسلامية المقاتلة الليبية" as "LIBYAN
 * ISLAMIC FIGHTING GROUP", "سازمان صنایع هوافضا" as "AEROSPACE INDUSTRIES ORGANISATION". A query word is read as its
 * translation as well as letter by letter, since listings also keep such words transliterated ("JAMA'A NUSRAT
 * UL-ISLAM").
 *
 * The vocabulary is the common words of organisation names on the sanctions lists (kinds of body, trades, the
 * descriptive words around them) and the nationality adjectives and places of the region that English writes apart
 * from the Arabic ("Levant" for الشام). Never names: those are read letter by letter.
 * Each word is given in its usual forms (masculine and feminine, Arabic and Persian spelling); the article is split off
 * by the tokenizer, so no form carries it.
 */
const TRANSLATIONS: readonly (readonly [readonly string[], readonly string[]])[] = [
  // Kinds of body.
  [['شركة', 'شركت', 'شرکت', 'کمپنی', 'كمباني'], ['company']],
  [['لمتد', 'لمیتد', 'ليمتد', 'لمیٹڈ'], ['limited']],
  [['مجموعة', 'مجموعه', 'گروپ', 'گروه', 'جماعة', 'جماعت', 'جماعه'], ['group']],
  [['شبكة', 'شبکه'], ['network']],
  [
    ['مكتب', 'دفتر'],
    ['office', 'bureau'],
  ],
  [['صرافة', 'للصرافة', 'صرافی', 'صرافه'], ['exchange']],
  [
    ['تنظيم', 'تنظیم', 'منظمة', 'منظمه', 'سازمان'],
    ['organization', 'organisation'],
  ],
  [['حركة', 'حرکت', 'جنبش'], ['movement']],
  [['جبهة', 'جبهه'], ['front']],
  [
    ['دولة', 'دوله', 'دولت'],
    ['state', 'government'],
  ],
  [['حكومة', 'حکومت'], ['government']],
  [['جيش', 'ارتش', 'لشکر', 'لشكر'], ['army']],
  [['كتيبة'], ['battalion', 'brigade']],
  [
    ['كتائب', 'کتائب'],
    ['brigades', 'brigade', 'battalions'],
  ],
  [['لواء', 'تیپ'], ['brigade']],
  [['حزب'], ['party']],
  [
    ['جمعية', 'جمعیت', 'انجمن'],
    ['society', 'association'],
  ],
  [
    ['اتحاد', 'اتحادية'],
    ['union', 'federation'],
  ],
  [
    ['مؤسسة', 'موسسة', 'موسسه', 'مؤسسه', 'بنیاد'],
    ['foundation', 'establishment', 'institution', 'institute'],
  ],
  [['معهد', 'پژوهشگاه'], ['institute']],
  [
    ['مركز', 'مرکز'],
    ['center', 'centre'],
  ],
  [['بنك', 'بانک', 'مصرف'], ['bank']],
  [['صندوق'], ['fund']],
  [['مجلس', 'شورى', 'شورا', 'شورای'], ['council']],
  [['ستاد'], ['staff', 'headquarters']],
  [['سپاه'], ['corps']],
  [
    ['پاسداران', 'حرس'],
    ['guard', 'guards'],
  ],
  [['لجنة', 'لجنه', 'کمیته', 'كميتة'], ['committee']],
  [
    ['هيئة', 'هیئت'],
    ['commission', 'authority', 'board'],
  ],
  [['وزارة', 'وزارت'], ['ministry']],
  [['وكالة', 'آژانس'], ['agency']],
  [['جامعة', 'دانشگاه'], ['university']],
  [
    ['مصنع', 'کارخانه', 'كارخانه'],
    ['factory', 'plant'],
  ],
  [['ولاية', 'ولایت', 'استان'], ['province']],
  [['جمهورية', 'جمهوری'], ['republic']],
  [['قوات', 'نیروهای'], ['forces']],
  [
    ['قوة', 'نیروی', 'نیرو'],
    ['force', 'forces'],
  ],
  // Trades and activities.
  [
    ['تجارة', 'تجارت', 'بازرگانی'],
    ['trading', 'trade', 'commercial'],
  ],
  [
    ['تجاري', 'تجارية'],
    ['commercial', 'trading'],
  ],
  [
    ['صناعة', 'صنعت'],
    ['industry', 'industries'],
  ],
  [['صناعات', 'صنایع'], ['industries']],
  [['صناعي', 'صناعية', 'صنعتی'], ['industrial']],
  [
    ['استثمار', 'سرمایه'],
    ['investment', 'investments'],
  ],
  [['تنمية', 'توسعه', 'توسعة'], ['development']],
  [['بحوث', 'ابحاث', 'أبحاث', 'تحقیقات', 'پژوهش'], ['research']],
  [['هندسة', 'مهندسی'], ['engineering']],
  [['إنتاج', 'انتاج', 'تولید'], ['production']],
  [['خدمات'], ['services']],
  [['نقل', 'حمل'], ['transport']],
  [['شحن', 'کشتیرانی'], ['shipping']],
  [['نفط', 'نفت'], ['oil']],
  [['طاقة', 'انرژی'], ['energy']],
  [['تصدير', 'صادرات'], ['export']],
  [['استيراد', 'واردات'], ['import']],
  [['إغاثة', 'اغاثة', 'امداد'], ['relief']],
  [['تحرير', 'تحریر', 'آزادی'], ['liberation']],
  [['إعلام', 'اعلام', 'رسانه'], ['media']],
  [['أمن', 'امنیت'], ['security']],
  [
    ['دفاع', 'دفاعی'],
    ['defense', 'defence'],
  ],
  // Descriptive words.
  [['إسلامية', 'اسلامية', 'إسلامي', 'اسلامي', 'اسلامی'], ['islamic']],
  [['دولي', 'دولية'], ['international']],
  [['وطني', 'وطنية', 'ملي', 'ملية', 'ملی'], ['national']],
  [['علمي', 'علمية', 'علمی'], ['scientific']],
  [
    ['خيرية', 'خيري', 'خیریه'],
    ['charitable', 'charity'],
  ],
  [
    ['عامة', 'عام', 'عمومی'],
    ['general', 'public'],
  ],
  [['مركزي', 'مرکزی'], ['central']],
  [['عسكري', 'عسكرية', 'نظامی'], ['military']],
  [
    ['ثوري', 'ثورية', 'انقلابی', 'انقلاب', 'ثورة'],
    ['revolutionary', 'revolution'],
  ],
  [
    ['عالي', 'عالية', 'عالی', 'أعلى', 'اعلى'],
    ['supreme', 'higher', 'high'],
  ],
  [['کل', 'كل'], ['general']],
  [['فرهنگی', 'ثقافي', 'ثقافية'], ['cultural']],
  [['هوافضا', 'هوافضای', 'جوفضائي'], ['aerospace']],
  [
    ['هواپیمایی', 'طيران'],
    ['aircraft', 'aviation', 'airlines'],
  ],
  [['فضایی', 'فضائي', 'فضاء'], ['space']],
  [
    ['دریایی', 'بحري', 'بحرية'],
    ['marine', 'maritime', 'naval'],
  ],
  [['موشکی', 'صاروخي', 'صواريخ'], ['missile']],
  [
    ['نووي', 'نووية', 'اتمی'],
    ['nuclear', 'atomic'],
  ],
  [['علوم'], ['sciences', 'science']],
  [['تطبيقية', 'کاربردی'], ['applied']],
  [
    ['مخابرات', 'اتصالات'],
    ['telecommunications', 'telecommunication'],
  ],
  [['اطلاعات', 'استخبارات'], ['intelligence']],
  [['پلیس', 'شرطة'], ['police']],
  [['متحدة', 'متحد'], ['united']],
  [
    ['مقاتلة', 'مقاتل', 'مقاتلين'],
    ['fighting', 'combatant', 'fighters'],
  ],
  [['مسلحة', 'مسلح', 'مسلحه'], ['armed']],
  [['مقدس', 'مقدسة'], ['holy']],
  [
    ['شعب', 'شعبي', 'شعبية', 'أهل', 'اهل', 'لأهل', 'لاهل', 'مردم', 'مردمی'],
    ['people', 'peoples', 'popular'],
  ],
  [['شهداء', 'شهدا'], ['martyrs']],
  [['جديد', 'جديدة', 'جدید'], ['new']],
  [['في', 'در'], ['in']],
  [
    ['تكنولوجيا', 'تكنولوجي', 'تکنولوژی', 'فناوری', 'فناوري'],
    ['technology', 'technologies'],
  ],
  [
    ['أعمال', 'اعمال'],
    ['works', 'business'],
  ],
  [['تبادل'], ['exchange']],
  [['طراحی', 'تصميم'], ['design']],
  [
    ['سامانه', 'سامانه‌ها'],
    ['systems', 'system'],
  ],
  [['محدودة', 'محدوده'], ['limited']],
  [['متقدمة', 'متقدم', 'پیشرفته'], ['advanced']],
  [
    ['جغرافیایی', 'جغرافي', 'جغرافية'],
    ['geographical', 'geographic'],
  ],
  [
    ['اخلاقی', 'اخلاق'],
    ['morality', 'moral'],
  ],
  [['سایبری', 'سايبري', 'سایبر', 'سايبر'], ['cyber']],
  [['محرکه', 'محركة'], ['propulsion']],
  // Directions and places English writes apart from the Arabic.
  [['غرب'], ['west', 'western']],
  [['شرق'], ['east', 'eastern']],
  [['شمال'], ['north', 'northern']],
  [['جنوب'], ['south', 'southern']],
  [['شام'], ['levant', 'syria']],
  [['سوريا', 'سورية'], ['syria']],
  [['مصر'], ['egypt']],
  [['مغرب'], ['morocco', 'maghreb']],
  [['أردن', 'اردن'], ['jordan']],
  [['لبنان'], ['lebanon']],
  [['إفريقيا', 'افريقيا', 'أفريقيا', 'آفریقا', 'افریقا'], ['africa']],
  [['أوروبا', 'اروپا'], ['europe']],
  [['قوقاز'], ['caucasus']],
  [['صحراء', 'صحرا'], ['sahara']],
  [['خليج', 'خلیج'], ['gulf']],
  [['جزيرة'], ['peninsula']],
  [
    ['عرب', 'عربي', 'عربية'],
    ['arab', 'arabic', 'arabian'],
  ],
  // Countries, which also stand for their adjective: Persian and Arabic qualify a noun with the country's name
  // ("سازمان فضایی ایران", organisation-space-Iran, is the "IRANIAN SPACE ORGANISATION").
  [['ایران', 'إيران', 'ايران'], ['iranian']],
  [['عراق'], ['iraqi']],
  [['سوريا'], ['syrian']],
  [['افغانستان'], ['afghan']],
  [['پاکستان', 'باكستان'], ['pakistani']],
  // Nationality adjectives (masculine, feminine).
  [['مصري', 'مصرية'], ['egyptian']],
  [['ليبي', 'ليبية'], ['libyan']],
  [['مغربي', 'مغربية'], ['moroccan']],
  [['تونسي', 'تونسية'], ['tunisian']],
  [['جزائري', 'جزائرية'], ['algerian']],
  [['عراقي', 'عراقية'], ['iraqi']],
  [['سوري', 'سورية'], ['syrian']],
  [['يمني', 'يمنية'], ['yemeni']],
  [['سعودي', 'سعودية'], ['saudi']],
  [['لبناني', 'لبنانية'], ['lebanese']],
  [['فلسطيني', 'فلسطينية'], ['palestinian']],
  [['أردني', 'اردني', 'أردنية', 'اردنية'], ['jordanian']],
  [['سوداني', 'سودانية'], ['sudanese']],
  [['صومالي', 'صومالية'], ['somali']],
  [['أفغاني', 'افغاني', 'افغان', 'افغانی'], ['afghan']],
  [['باكستاني', 'پاکستانی'], ['pakistani']],
  [['إيراني', 'ايراني', 'ایرانی', 'ايرانية'], ['iranian']],
  [['تركي', 'تركية', 'ترکی'], ['turkish']],
  [['كويتي', 'كويتية'], ['kuwaiti']],
  [['قطري', 'قطرية'], ['qatari']],
  [['إماراتي', 'اماراتي'], ['emirati']],
];

/** Transliterated word → the English words listings use for it (the tokenizer reads a legal form as its abbreviation). */
export const ABJAD_ORGANISATION_WORDS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [words, english] of TRANSLATIONS) {
    for (const word of words) {
      const key = transliterate(word);
      out.set(key, [...new Set([...(out.get(key) ?? []), ...english])]);
    }
  }
  return out;
})();
