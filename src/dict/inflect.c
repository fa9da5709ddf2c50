/* inflect.c — English verb forms and noun plurals (see inflect.h for the rules): the
 * irregular-verb and irregular-noun tables, the regular rules, and the PETRARCH readers'
 * generation rules. Facts only; no dictionary logic here. */
#include "dict/inflect.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Irregular English verbs, and regular verbs whose spelling the rule cannot predict
 * (final-stress doubling: ADMIT -> ADMITTED; -IC verbs: PANIC -> PANICKED; US/UK doubling
 * variants: TRAVELED/TRAVELLED). Lower case, sorted by base (binary search; the unit test
 * checks the order). Columns: base, 3rd person, past, past participle, -ing; '/' separates
 * alternatives, the usual one first. */
static const an_irregular_verb verb_table[] = {
    {"abide", "abides", "abode/abided", "abode/abided", "abiding"},
    {"acquit", "acquits", "acquitted", "acquitted", "acquitting"},
    {"admit", "admits", "admitted", "admitted", "admitting"},
    {"allot", "allots", "allotted", "allotted", "allotting"},
    {"annul", "annuls", "annulled", "annulled", "annulling"},
    {"arise", "arises", "arose", "arisen", "arising"},
    {"awake", "awakes", "awoke", "awoken", "awaking"},
    {"be", "is", "was/were", "been", "being"},
    {"bear", "bears", "bore", "borne/born", "bearing"},
    {"beat", "beats", "beat", "beaten/beat", "beating"},
    {"become", "becomes", "became", "become", "becoming"},
    {"befall", "befalls", "befell", "befallen", "befalling"},
    {"begin", "begins", "began", "begun", "beginning"},
    {"behold", "beholds", "beheld", "beheld", "beholding"},
    {"bend", "bends", "bent", "bent", "bending"},
    {"beset", "besets", "beset", "beset", "besetting"},
    {"bet", "bets", "bet", "bet", "betting"},
    {"bid", "bids", "bid", "bid", "bidding"},
    {"bind", "binds", "bound", "bound", "binding"},
    {"bite", "bites", "bit", "bitten", "biting"},
    {"bleed", "bleeds", "bled", "bled", "bleeding"},
    {"blow", "blows", "blew", "blown", "blowing"},
    {"break", "breaks", "broke", "broken", "breaking"},
    {"breed", "breeds", "bred", "bred", "breeding"},
    {"bring", "brings", "brought", "brought", "bringing"},
    {"broadcast", "broadcasts", "broadcast", "broadcast", "broadcasting"},
    {"build", "builds", "built", "built", "building"},
    {"burn", "burns", "burned/burnt", "burned/burnt", "burning"},
    {"burst", "bursts", "burst", "burst", "bursting"},
    {"buy", "buys", "bought", "bought", "buying"},
    {"cancel", "cancels", "canceled/cancelled", "canceled/cancelled", "canceling/cancelling"},
    {"cast", "casts", "cast", "cast", "casting"},
    {"catch", "catches", "caught", "caught", "catching"},
    {"channel", "channels", "channeled/channelled", "channeled/channelled", "channeling/channelling"},
    {"choose", "chooses", "chose", "chosen", "choosing"},
    {"cling", "clings", "clung", "clung", "clinging"},
    {"come", "comes", "came", "come", "coming"},
    {"commit", "commits", "committed", "committed", "committing"},
    {"compel", "compels", "compelled", "compelled", "compelling"},
    {"concur", "concurs", "concurred", "concurred", "concurring"},
    {"confer", "confers", "conferred", "conferred", "conferring"},
    {"control", "controls", "controlled", "controlled", "controlling"},
    {"cost", "costs", "cost", "cost", "costing"},
    {"counsel", "counsels", "counseled/counselled", "counseled/counselled", "counseling/counselling"},
    {"creep", "creeps", "crept", "crept", "creeping"},
    {"cut", "cuts", "cut", "cut", "cutting"},
    {"deal", "deals", "dealt", "dealt", "dealing"},
    {"defer", "defers", "deferred", "deferred", "deferring"},
    {"deter", "deters", "deterred", "deterred", "deterring"},
    {"dig", "digs", "dug", "dug", "digging"},
    {"dispel", "dispels", "dispelled", "dispelled", "dispelling"},
    {"dive", "dives", "dived/dove", "dived", "diving"},
    {"do", "does", "did", "done", "doing"},
    {"draw", "draws", "drew", "drawn", "drawing"},
    {"dream", "dreams", "dreamed/dreamt", "dreamed/dreamt", "dreaming"},
    {"drink", "drinks", "drank", "drunk", "drinking"},
    {"drive", "drives", "drove", "driven", "driving"},
    {"dwell", "dwells", "dwelt/dwelled", "dwelt/dwelled", "dwelling"},
    {"eat", "eats", "ate", "eaten", "eating"},
    {"embed", "embeds", "embedded", "embedded", "embedding"},
    {"emit", "emits", "emitted", "emitted", "emitting"},
    {"equip", "equips", "equipped", "equipped", "equipping"},
    {"excel", "excels", "excelled", "excelled", "excelling"},
    {"expel", "expels", "expelled", "expelled", "expelling"},
    {"fall", "falls", "fell", "fallen", "falling"},
    {"feed", "feeds", "fed", "fed", "feeding"},
    {"feel", "feels", "felt", "felt", "feeling"},
    {"fight", "fights", "fought", "fought", "fighting"},
    {"find", "finds", "found", "found", "finding"},
    {"fit", "fits", "fit/fitted", "fit/fitted", "fitting"},
    {"flee", "flees", "fled", "fled", "fleeing"},
    {"fling", "flings", "flung", "flung", "flinging"},
    {"fly", "flies", "flew", "flown", "flying"},
    {"forbid", "forbids", "forbade", "forbidden", "forbidding"},
    {"forecast", "forecasts", "forecast", "forecast", "forecasting"},
    {"foresee", "foresees", "foresaw", "foreseen", "foreseeing"},
    {"foretell", "foretells", "foretold", "foretold", "foretelling"},
    {"forget", "forgets", "forgot", "forgotten", "forgetting"},
    {"forgive", "forgives", "forgave", "forgiven", "forgiving"},
    {"forgo", "forgoes", "forwent", "forgone", "forgoing"},
    {"forsake", "forsakes", "forsook", "forsaken", "forsaking"},
    {"freeze", "freezes", "froze", "frozen", "freezing"},
    {"fuel", "fuels", "fueled/fuelled", "fueled/fuelled", "fueling/fuelling"},
    {"get", "gets", "got", "got/gotten", "getting"},
    {"give", "gives", "gave", "given", "giving"},
    {"go", "goes", "went", "gone", "going"},
    {"grind", "grinds", "ground", "ground", "grinding"},
    {"grow", "grows", "grew", "grown", "growing"},
    {"hang", "hangs", "hung/hanged", "hung/hanged", "hanging"},
    {"have", "has", "had", "had", "having"},
    {"hear", "hears", "heard", "heard", "hearing"},
    {"hide", "hides", "hid", "hidden", "hiding"},
    {"hit", "hits", "hit", "hit", "hitting"},
    {"hold", "holds", "held", "held", "holding"},
    {"hurt", "hurts", "hurt", "hurt", "hurting"},
    {"incur", "incurs", "incurred", "incurred", "incurring"},
    {"infer", "infers", "inferred", "inferred", "inferring"},
    {"keep", "keeps", "kept", "kept", "keeping"},
    {"kidnap", "kidnaps", "kidnapped/kidnaped", "kidnapped/kidnaped", "kidnapping/kidnaping"},
    {"kneel", "kneels", "knelt/kneeled", "knelt/kneeled", "kneeling"},
    {"know", "knows", "knew", "known", "knowing"},
    {"label", "labels", "labeled/labelled", "labeled/labelled", "labeling/labelling"},
    {"lay", "lays", "laid", "laid", "laying"},
    {"lead", "leads", "led", "led", "leading"},
    {"lean", "leans", "leaned/leant", "leaned/leant", "leaning"},
    {"leap", "leaps", "leaped/leapt", "leaped/leapt", "leaping"},
    {"learn", "learns", "learned/learnt", "learned/learnt", "learning"},
    {"leave", "leaves", "left", "left", "leaving"},
    {"lend", "lends", "lent", "lent", "lending"},
    {"let", "lets", "let", "let", "letting"},
    {"level", "levels", "leveled/levelled", "leveled/levelled", "leveling/levelling"},
    {"lie", "lies", "lay/lied", "lain/lied", "lying"},
    {"light", "lights", "lit/lighted", "lit/lighted", "lighting"},
    {"lose", "loses", "lost", "lost", "losing"},
    {"make", "makes", "made", "made", "making"},
    {"mean", "means", "meant", "meant", "meaning"},
    {"meet", "meets", "met", "met", "meeting"},
    {"mimic", "mimics", "mimicked", "mimicked", "mimicking"},
    {"mislead", "misleads", "misled", "misled", "misleading"},
    {"mistake", "mistakes", "mistook", "mistaken", "mistaking"},
    {"misunderstand", "misunderstands", "misunderstood", "misunderstood", "misunderstanding"},
    {"model", "models", "modeled/modelled", "modeled/modelled", "modeling/modelling"},
    {"mow", "mows", "mowed", "mown/mowed", "mowing"},
    {"occur", "occurs", "occurred", "occurred", "occurring"},
    {"offset", "offsets", "offset", "offset", "offsetting"},
    {"omit", "omits", "omitted", "omitted", "omitting"},
    {"outbid", "outbids", "outbid", "outbid", "outbidding"},
    {"outrun", "outruns", "outran", "outrun", "outrunning"},
    {"overcome", "overcomes", "overcame", "overcome", "overcoming"},
    {"override", "overrides", "overrode", "overridden", "overriding"},
    {"overrun", "overruns", "overran", "overrun", "overrunning"},
    {"oversee", "oversees", "oversaw", "overseen", "overseeing"},
    {"overshoot", "overshoots", "overshot", "overshot", "overshooting"},
    {"overtake", "overtakes", "overtook", "overtaken", "overtaking"},
    {"overthrow", "overthrows", "overthrew", "overthrown", "overthrowing"},
    {"panic", "panics", "panicked", "panicked", "panicking"},
    {"patrol", "patrols", "patrolled", "patrolled", "patrolling"},
    {"pay", "pays", "paid", "paid", "paying"},
    {"permit", "permits", "permitted", "permitted", "permitting"},
    {"plead", "pleads", "pleaded/pled", "pleaded/pled", "pleading"},
    {"prefer", "prefers", "preferred", "preferred", "preferring"},
    {"propel", "propels", "propelled", "propelled", "propelling"},
    {"prove", "proves", "proved", "proved/proven", "proving"},
    {"put", "puts", "put", "put", "putting"},
    {"quarrel", "quarrels", "quarreled/quarrelled", "quarreled/quarrelled", "quarreling/quarrelling"},
    {"quit", "quits", "quit", "quit", "quitting"},
    {"quiz", "quizzes", "quizzed", "quizzed", "quizzing"},
    {"read", "reads", "read", "read", "reading"},
    {"rebel", "rebels", "rebelled", "rebelled", "rebelling"},
    {"rebuild", "rebuilds", "rebuilt", "rebuilt", "rebuilding"},
    {"recur", "recurs", "recurred", "recurred", "recurring"},
    {"redo", "redoes", "redid", "redone", "redoing"},
    {"refer", "refers", "referred", "referred", "referring"},
    {"regret", "regrets", "regretted", "regretted", "regretting"},
    {"remake", "remakes", "remade", "remade", "remaking"},
    {"remit", "remits", "remitted", "remitted", "remitting"},
    {"repay", "repays", "repaid", "repaid", "repaying"},
    {"repel", "repels", "repelled", "repelled", "repelling"},
    {"rerun", "reruns", "reran", "rerun", "rerunning"},
    {"reset", "resets", "reset", "reset", "resetting"},
    {"retake", "retakes", "retook", "retaken", "retaking"},
    {"rethink", "rethinks", "rethought", "rethought", "rethinking"},
    {"rewrite", "rewrites", "rewrote", "rewritten", "rewriting"},
    {"rid", "rids", "rid", "rid", "ridding"},
    {"ride", "rides", "rode", "ridden", "riding"},
    {"ring", "rings", "rang", "rung", "ringing"},
    {"rise", "rises", "rose", "risen", "rising"},
    {"rival", "rivals", "rivaled/rivalled", "rivaled/rivalled", "rivaling/rivalling"},
    {"run", "runs", "ran", "run", "running"},
    {"say", "says", "said", "said", "saying"},
    {"see", "sees", "saw", "seen", "seeing"},
    {"seek", "seeks", "sought", "sought", "seeking"},
    {"sell", "sells", "sold", "sold", "selling"},
    {"send", "sends", "sent", "sent", "sending"},
    {"set", "sets", "set", "set", "setting"},
    {"sew", "sews", "sewed", "sewn/sewed", "sewing"},
    {"shake", "shakes", "shook", "shaken", "shaking"},
    {"shear", "shears", "sheared", "shorn/sheared", "shearing"},
    {"shed", "sheds", "shed", "shed", "shedding"},
    {"shine", "shines", "shone/shined", "shone/shined", "shining"},
    {"shoot", "shoots", "shot", "shot", "shooting"},
    {"show", "shows", "showed", "shown/showed", "showing"},
    {"shrink", "shrinks", "shrank/shrunk", "shrunk", "shrinking"},
    {"shut", "shuts", "shut", "shut", "shutting"},
    {"signal", "signals", "signaled/signalled", "signaled/signalled", "signaling/signalling"},
    {"sing", "sings", "sang", "sung", "singing"},
    {"sink", "sinks", "sank", "sunk", "sinking"},
    {"sit", "sits", "sat", "sat", "sitting"},
    {"slay", "slays", "slew", "slain", "slaying"},
    {"sleep", "sleeps", "slept", "slept", "sleeping"},
    {"slide", "slides", "slid", "slid", "sliding"},
    {"sling", "slings", "slung", "slung", "slinging"},
    {"slit", "slits", "slit", "slit", "slitting"},
    {"smell", "smells", "smelled/smelt", "smelled/smelt", "smelling"},
    {"sow", "sows", "sowed", "sown/sowed", "sowing"},
    {"speak", "speaks", "spoke", "spoken", "speaking"},
    {"speed", "speeds", "sped/speeded", "sped/speeded", "speeding"},
    {"spell", "spells", "spelled/spelt", "spelled/spelt", "spelling"},
    {"spend", "spends", "spent", "spent", "spending"},
    {"spill", "spills", "spilled/spilt", "spilled/spilt", "spilling"},
    {"spin", "spins", "spun", "spun", "spinning"},
    {"spit", "spits", "spat/spit", "spat/spit", "spitting"},
    {"split", "splits", "split", "split", "splitting"},
    {"spoil", "spoils", "spoiled/spoilt", "spoiled/spoilt", "spoiling"},
    {"spread", "spreads", "spread", "spread", "spreading"},
    {"spring", "springs", "sprang/sprung", "sprung", "springing"},
    {"stand", "stands", "stood", "stood", "standing"},
    {"steal", "steals", "stole", "stolen", "stealing"},
    {"stick", "sticks", "stuck", "stuck", "sticking"},
    {"sting", "stings", "stung", "stung", "stinging"},
    {"stink", "stinks", "stank/stunk", "stunk", "stinking"},
    {"stride", "strides", "strode", "stridden", "striding"},
    {"strike", "strikes", "struck", "struck/stricken", "striking"},
    {"string", "strings", "strung", "strung", "stringing"},
    {"strive", "strives", "strove/strived", "striven/strived", "striving"},
    {"submit", "submits", "submitted", "submitted", "submitting"},
    {"swear", "swears", "swore", "sworn", "swearing"},
    {"sweep", "sweeps", "swept", "swept", "sweeping"},
    {"swell", "swells", "swelled", "swollen/swelled", "swelling"},
    {"swim", "swims", "swam", "swum", "swimming"},
    {"swing", "swings", "swung", "swung", "swinging"},
    {"take", "takes", "took", "taken", "taking"},
    {"teach", "teaches", "taught", "taught", "teaching"},
    {"tear", "tears", "tore", "torn", "tearing"},
    {"tell", "tells", "told", "told", "telling"},
    {"think", "thinks", "thought", "thought", "thinking"},
    {"thrive", "thrives", "thrived/throve", "thrived/thriven", "thriving"},
    {"throw", "throws", "threw", "thrown", "throwing"},
    {"thrust", "thrusts", "thrust", "thrust", "thrusting"},
    {"total", "totals", "totaled/totalled", "totaled/totalled", "totaling/totalling"},
    {"traffic", "traffics", "trafficked", "trafficked", "trafficking"},
    {"transfer", "transfers", "transferred", "transferred", "transferring"},
    {"transmit", "transmits", "transmitted", "transmitted", "transmitting"},
    {"travel", "travels", "traveled/travelled", "traveled/travelled", "traveling/travelling"},
    {"tread", "treads", "trod", "trodden/trod", "treading"},
    {"undercut", "undercuts", "undercut", "undercut", "undercutting"},
    {"undergo", "undergoes", "underwent", "undergone", "undergoing"},
    {"underlie", "underlies", "underlay", "underlain", "underlying"},
    {"understand", "understands", "understood", "understood", "understanding"},
    {"undertake", "undertakes", "undertook", "undertaken", "undertaking"},
    {"undo", "undoes", "undid", "undone", "undoing"},
    {"unwind", "unwinds", "unwound", "unwound", "unwinding"},
    {"uphold", "upholds", "upheld", "upheld", "upholding"},
    {"upset", "upsets", "upset", "upset", "upsetting"},
    {"wake", "wakes", "woke", "woken", "waking"},
    {"wear", "wears", "wore", "worn", "wearing"},
    {"weave", "weaves", "wove", "woven", "weaving"},
    {"wed", "weds", "wed/wedded", "wed/wedded", "wedding"},
    {"weep", "weeps", "wept", "wept", "weeping"},
    {"wet", "wets", "wet/wetted", "wet/wetted", "wetting"},
    {"win", "wins", "won", "won", "winning"},
    {"wind", "winds", "wound", "wound", "winding"},
    {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"},
    {"withhold", "withholds", "withheld", "withheld", "withholding"},
    {"withstand", "withstands", "withstood", "withstood", "withstanding"},
    {"worship", "worships", "worshipped/worshiped", "worshipped/worshiped", "worshipping/worshiping"},
    {"wring", "wrings", "wrung", "wrung", "wringing"},
    {"write", "writes", "wrote", "written", "writing"},
};

/* Irregular English nouns: singular, plural ('/' separates alternatives). Sorted. */
static const an_irregular_noun noun_table[] = {
    {"aircraft", "aircraft"},
    {"alumnus", "alumni"},
    {"analysis", "analyses"},
    {"appendix", "appendices/appendixes"},
    {"axis", "axes"},
    {"bacterium", "bacteria"},
    {"barracks", "barracks"},
    {"basis", "bases"},
    {"bison", "bison"},
    {"cactus", "cacti/cactuses"},
    {"calf", "calves"},
    {"cargo", "cargoes/cargos"},
    {"child", "children"},
    {"corps", "corps"},
    {"crisis", "crises"},
    {"criterion", "criteria"},
    {"curriculum", "curricula/curriculums"},
    {"datum", "data"},
    {"deer", "deer"},
    {"diagnosis", "diagnoses"},
    {"echo", "echoes"},
    {"elf", "elves"},
    {"embargo", "embargoes"},
    {"emphasis", "emphases"},
    {"fish", "fish/fishes"},
    {"focus", "foci/focuses"},
    {"foot", "feet"},
    {"fungus", "fungi"},
    {"genus", "genera"},
    {"goose", "geese"},
    {"half", "halves"},
    {"headquarters", "headquarters"},
    {"hero", "heroes"},
    {"hovercraft", "hovercraft"},
    {"hypothesis", "hypotheses"},
    {"index", "indices/indexes"},
    {"knife", "knives"},
    {"leaf", "leaves"},
    {"life", "lives"},
    {"loaf", "loaves"},
    {"louse", "lice"},
    {"man", "men"},
    {"matrix", "matrices/matrixes"},
    {"means", "means"},
    {"medium", "media/mediums"},
    {"memorandum", "memoranda/memorandums"},
    {"millennium", "millennia/millenniums"},
    {"mosquito", "mosquitoes"},
    {"mouse", "mice"},
    {"news", "news"},
    {"nucleus", "nuclei"},
    {"oasis", "oases"},
    {"offspring", "offspring"},
    {"ox", "oxen"},
    {"parenthesis", "parentheses"},
    {"passerby", "passersby"},
    {"person", "people/persons"},
    {"phenomenon", "phenomena"},
    {"potato", "potatoes"},
    {"quiz", "quizzes"},
    {"radius", "radii"},
    {"referendum", "referendums/referenda"},
    {"salmon", "salmon"},
    {"self", "selves"},
    {"series", "series"},
    {"sheaf", "sheaves"},
    {"sheep", "sheep"},
    {"shelf", "shelves"},
    {"spacecraft", "spacecraft"},
    {"species", "species"},
    {"stimulus", "stimuli"},
    {"stratum", "strata"},
    {"swine", "swine"},
    {"synopsis", "synopses"},
    {"thesis", "theses"},
    {"thief", "thieves"},
    {"tomato", "tomatoes"},
    {"tooth", "teeth"},
    {"tornado", "tornadoes/tornados"},
    {"torpedo", "torpedoes"},
    {"veto", "vetoes"},
    {"volcano", "volcanoes/volcanos"},
    {"wife", "wives"},
    {"wolf", "wolves"},
    {"woman", "women"},
};

/* Words ending in MAN that are not compounds of MAN (their plural is regular). */
static const char *const man_exceptions[] = {
    "caiman", "cayman", "doberman", "german", "human", "oman", "ottoman", "roman", "shaman",
    "talisman",
};

#define NVERBS (sizeof verb_table / sizeof verb_table[0])
#define NNOUNS (sizeof noun_table / sizeof noun_table[0])

/* ------------------------------------------------------------------ helpers */

static int is_vowel(char c)
{
    c = (char)tolower((unsigned char)c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int lc(char c)
{
    return tolower((unsigned char)c);
}

/* 1 when every letter of s is upper case (the output then is too). */
static int all_upper(const char *s, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (islower((unsigned char)s[i])) return 0;
        if (isupper((unsigned char)s[i])) letters++;
    }
    return letters > 0;
}

/* Compares s[0..n) case-insensitively with the NUL-terminated lower-case t. */
static int cmp_ci(const char *s, size_t n, const char *t)
{
    for (size_t i = 0; i < n; i++) {
        int a = lc(s[i]), b = (unsigned char)t[i];
        if (b == 0) return 1;
        if (a != b) return a < b ? -1 : 1;
    }
    return t[n] == 0 ? 0 : -1;
}

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && cmp_ci(s + n - m, m, suffix) == 0;
}

/* A small output buffer: appends with bounds checking; ok stays 0 after an overflow. */
typedef struct wbuf {
    char *p;
    size_t cap, n;
    int upper, ok;
} wbuf;

static void wb_init(wbuf *w, char *p, size_t cap, int upper)
{
    w->p = p;
    w->cap = cap;
    w->n = 0;
    w->upper = upper;
    w->ok = cap > 0;
    if (cap) p[0] = '\0';
}

static void wb_put(wbuf *w, const char *s, size_t n)
{
    if (!w->ok) return;
    if (w->n + n + 1 > w->cap) {
        w->ok = 0;
        w->p[0] = '\0';
        return;
    }
    for (size_t i = 0; i < n; i++)
        w->p[w->n++] = (char)(w->upper ? toupper((unsigned char)s[i]) : tolower((unsigned char)s[i]));
    w->p[w->n] = '\0';
}

static void wb_puts(wbuf *w, const char *s)
{
    wb_put(w, s, strlen(s));
}

/* Copies the first '/'-alternative of field into out, in the requested case. */
static void first_alt(char *out, const char *field, int upper)
{
    wbuf w;
    wb_init(&w, out, AN_INFLECT_MAX, upper);
    size_t n = strcspn(field, "/");
    wb_put(&w, field, n);
}

/* ------------------------------------------------------------------ tables */

const an_irregular_verb *an_inflect_irregular_verb(const char *base, size_t len)
{
    size_t lo = 0, hi = NVERBS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_ci(base, len, verb_table[mid].base);
        if (c == 0) return &verb_table[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

static const an_irregular_noun *irregular_noun(const char *s, size_t len)
{
    size_t lo = 0, hi = NNOUNS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_ci(s, len, noun_table[mid].singular);
        if (c == 0) return &noun_table[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

const an_irregular_verb *an_inflect_verb_row(size_t i)
{
    return i < NVERBS ? &verb_table[i] : NULL;
}

const an_irregular_noun *an_inflect_noun_row(size_t i)
{
    return i < NNOUNS ? &noun_table[i] : NULL;
}

/* Adds each '/'-alternative of field to out[] unless it equals base or is already there. */
static int add_alts(char out[][AN_INFLECT_MAX], int n, int max, const char *field,
                    const char *base, size_t blen, int upper)
{
    const char *p = field;
    while (*p) {
        size_t k = strcspn(p, "/");
        if (k > 0 && k < AN_INFLECT_MAX) {
            char tmp[AN_INFLECT_MAX];
            wbuf w;
            wb_init(&w, tmp, sizeof tmp, upper);
            wb_put(&w, p, k);
            int dup = !w.ok || (strlen(tmp) == blen && strncasecmp(tmp, base, blen) == 0);
            for (int i = 0; i < n && !dup; i++)
                if (strcmp(out[i], tmp) == 0) dup = 1;
            if (!dup && n < max) memcpy(out[n++], tmp, strlen(tmp) + 1);
        }
        p += k;
        if (*p == '/') p++;
    }
    return n;
}

int an_inflect_irregular_forms(const char *base, size_t len, char out[][AN_INFLECT_MAX], int max)
{
    const an_irregular_verb *v = an_inflect_irregular_verb(base, len);
    if (!v) return 0;
    int up = all_upper(base, len), n = 0;
    n = add_alts(out, n, max, v->third, base, len, up);
    n = add_alts(out, n, max, v->past, base, len, up);
    n = add_alts(out, n, max, v->pp, base, len, up);
    n = add_alts(out, n, max, v->ing, base, len, up);
    return n;
}

/* ------------------------------------------------------------------ verbs */

/* One syllable ending consonant-vowel-consonant (the consonant not W, X, Y): the final
 * consonant doubles before -ED and -ING. "QU" counts as a consonant (QUIZ). */
static int doubles(const char *s, size_t n)
{
    if (n < 2) return 0;
    char last = (char)lc(s[n - 1]), prev = s[n - 2];
    if (is_vowel(last) || last == 'w' || last == 'x' || last == 'y') return 0;
    if (!is_vowel(prev)) return 0;
    if (n >= 3 && is_vowel(s[n - 3]) && !(lc(s[n - 3]) == 'u' && n >= 4 && lc(s[n - 4]) == 'q'))
        return 0; /* two vowels: MEET, RAIN */
    /* Count vowel groups; Y after a consonant is a vowel except at the start. */
    int groups = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int v = is_vowel(s[i]) || (i > 0 && lc(s[i]) == 'y' && !is_vowel(s[i - 1]));
        if (v && lc(s[i]) == 'u' && i > 0 && lc(s[i - 1]) == 'q') v = 0;
        if (v && !in) groups++;
        in = v;
    }
    return groups == 1;
}

int an_inflect_verb_regular(an_verb_forms *out, const char *base, size_t n)
{
    memset(out, 0, sizeof *out);
    if (n == 0 || n + 4 >= AN_INFLECT_MAX) return -1;
    int up = all_upper(base, n);
    char last = (char)lc(base[n - 1]), prev = n >= 2 ? (char)lc(base[n - 2]) : 0;
    wbuf w;
    /* 3rd person */
    wb_init(&w, out->third, AN_INFLECT_MAX, up);
    if (last == 'y' && n >= 2 && !is_vowel(prev)) {
        wb_put(&w, base, n - 1);
        wb_puts(&w, "ies");
    } else {
        wb_put(&w, base, n);
        if (last == 's' || last == 'x' || last == 'z' || (last == 'o' && !is_vowel(prev)) ||
            (last == 'h' && (prev == 's' || prev == 'c')))
            wb_puts(&w, "es");
        else
            wb_puts(&w, "s");
    }
    /* past */
    int dbl = doubles(base, n);
    wb_init(&w, out->past, AN_INFLECT_MAX, up);
    if (last == 'e') {
        wb_put(&w, base, n);
        wb_puts(&w, "d");
    } else if (last == 'y' && n >= 2 && !is_vowel(prev)) {
        wb_put(&w, base, n - 1);
        wb_puts(&w, "ied");
    } else {
        wb_put(&w, base, n);
        if (dbl) wb_put(&w, base + n - 1, 1);
        wb_puts(&w, "ed");
    }
    memcpy(out->pp, out->past, sizeof out->pp);
    /* -ing */
    wb_init(&w, out->ing, AN_INFLECT_MAX, up);
    if (last == 'e' && prev == 'i') {
        wb_put(&w, base, n - 2);
        wb_puts(&w, "ying");
    } else if (last == 'e' && n >= 2 && !is_vowel(prev) && prev != 'y' && n > 2) {
        wb_put(&w, base, n - 1);
        wb_puts(&w, "ing");
    } else {
        wb_put(&w, base, n);
        if (dbl) wb_put(&w, base + n - 1, 1);
        wb_puts(&w, "ing");
    }
    return 0;
}

int an_inflect_verb(an_verb_forms *out, const char *base, size_t n)
{
    const an_irregular_verb *v = an_inflect_irregular_verb(base, n);
    if (!v) return an_inflect_verb_regular(out, base, n);
    memset(out, 0, sizeof *out);
    if (n == 0 || n >= AN_INFLECT_MAX) return -1;
    int up = all_upper(base, n);
    first_alt(out->third, v->third, up);
    first_alt(out->past, v->past, up);
    first_alt(out->pp, v->pp, up);
    first_alt(out->ing, v->ing, up);
    out->irregular = 1;
    return 0;
}

int an_inflect_verb_petrarch(an_verb_forms *out, const char *base, size_t n,
                             an_petrarch_rule rule)
{
    memset(out, 0, sizeof *out);
    if (n == 0 || n + 4 >= AN_INFLECT_MAX) return -1;
    int up = all_upper(base, n);
    char last = (char)lc(base[n - 1]);
    wbuf w;
    wb_init(&w, out->third, AN_INFLECT_MAX, up);
    if (rule == AN_PETRARCH_2 && last == 'y') {
        wb_put(&w, base, n - 1);
        wb_puts(&w, "ies");
    } else {
        wb_put(&w, base, n);
        wb_puts(&w, rule == AN_PETRARCH_2 && (last == 's' || last == 'x' || last == 'z') ? "es" : "s");
    }
    wb_init(&w, out->past, AN_INFLECT_MAX, up);
    wb_put(&w, base, n);
    wb_puts(&w, last == 'e' ? "d" : "ed");
    memcpy(out->pp, out->past, sizeof out->pp);
    wb_init(&w, out->ing, AN_INFLECT_MAX, up);
    /* PETRARCH-1 drops every final E; PETRARCH-2 only one after a consonant. */
    int drop = last == 'e' && (rule == AN_PETRARCH_1 || (n >= 2 && !is_vowel(base[n - 2])));
    wb_put(&w, base, drop ? n - 1 : n);
    wb_puts(&w, "ing");
    return 0;
}

/* ------------------------------------------------------------------ nouns */

static int man_exception(const char *s, size_t n)
{
    if (ends_with_ci(s, n, "woman")) return 0;
    for (size_t i = 0; i < sizeof man_exceptions / sizeof man_exceptions[0]; i++)
        if (ends_with_ci(s, n, man_exceptions[i])) return 1;
    return 0;
}

int an_inflect_noun_plurals(const char *s, size_t n, char out[][AN_INFLECT_MAX], int max)
{
    if (n == 0 || n + 3 >= AN_INFLECT_MAX || max < 1) return 0;
    int up = all_upper(s, n);
    const an_irregular_noun *row = irregular_noun(s, n);
    if (row) {
        int k = 0;
        const char *p = row->plural;
        while (*p && k < max) {
            size_t m = strcspn(p, "/");
            wbuf w;
            wb_init(&w, out[k], AN_INFLECT_MAX, up);
            wb_put(&w, p, m);
            if (w.ok) k++;
            p += m;
            if (*p == '/') p++;
        }
        return k;
    }
    wbuf w;
    wb_init(&w, out[0], AN_INFLECT_MAX, up);
    char last = (char)lc(s[n - 1]), prev = n >= 2 ? (char)lc(s[n - 2]) : 0;
    if (ends_with_ci(s, n, "man") && !man_exception(s, n)) {
        wb_put(&w, s, n - 3);
        wb_puts(&w, "men");
    } else if (last == 'y' && n >= 2 && !is_vowel(prev)) {
        wb_put(&w, s, n - 1);
        wb_puts(&w, "ies");
    } else {
        wb_put(&w, s, n);
        if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 's' || prev == 'c')))
            wb_puts(&w, "es");
        else
            wb_puts(&w, "s");
    }
    return w.ok ? 1 : 0;
}

size_t an_inflect_noun_plural(char *out, size_t cap, const char *s, size_t n)
{
    char forms[4][AN_INFLECT_MAX];
    int k = an_inflect_noun_plurals(s, n, forms, 4);
    if (k == 0 || cap == 0) return 0;
    size_t m = strlen(forms[0]);
    if (m + 1 > cap) return 0;
    memcpy(out, forms[0], m + 1);
    return m;
}

size_t an_inflect_petrarch_plural(char *out, size_t cap, const char *s, size_t n,
                                  an_petrarch_plural rule)
{
    if (n == 0 || cap == 0) return 0;
    int up = all_upper(s, n);
    char last = (char)lc(s[n - 1]);
    wbuf w;
    wb_init(&w, out, cap, up);
    if (last == 'y') {
        wb_put(&w, s, n - 1);
        wb_puts(&w, "ies");
    } else if (last == 's' && rule == AN_PPLURAL_AGENT) {
        wb_put(&w, s, n);
        wb_puts(&w, "es");
    } else if (last == 's' && rule == AN_PPLURAL_SYNSET) {
        wb_put(&w, s, n - 1);
        wb_puts(&w, "es");
    } else {
        wb_put(&w, s, n);
        wb_puts(&w, "s");
    }
    return w.ok ? w.n : 0;
}
