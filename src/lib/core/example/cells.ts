/**
 * The example notebook's cells: the story told top to bottom (and, for cells marked `slide`, in
 * presentation mode). Cell ids are stable: the UI, tests and saved files may refer to them.
 *
 * All Markdown and titles are UI text in Norwegian bokmål. Notes describe the inputs exactly but
 * the results only qualitatively, because the planner may edit the assumptions and the charts
 * recompute while the text stays.
 */
import type { Cell } from '#lib/core/model/notebook.ts';
import { SCENARIO_IDS } from './scenarios.ts';

const B = SCENARIO_IDS.basis;
const T = SCENARIO_IDS.turnover;
const F = SCENARIO_IDS.refugees;
const K = SCENARIO_IDS.capacity;

/** The year the key figures, the comparison and the tornado look at: ten years ahead. */
export const KEY_YEAR = 2035;

export const CELL_IDS = {
	intro: 'intro',
	howToRead: 'slik-leser-du',
	needByGroup: 'behov-per-gruppe',
	assumptions: 'forutsetninger-basis',
	keyFigures: 'nokkeltall-2035',
	stockNote: 'boligmassen',
	requiredVsPlanned: 'behov-mot-plan',
	littlesLaw: 'botid-og-gjennomstromming',
	flows: 'inn-og-utflytting',
	scenariosNote: 'scenarioene',
	scenarioComparison: 'scenario-sammenligning',
	comparison: 'sammenligning-2035',
	uncertaintyNote: 'usikkerhet',
	monteCarlo: 'usikkerhetsvifte',
	shortfall: 'sannsynlighet-for-mangel',
	tornado: 'tornado-2035',
	capacityNote: 'kapasitet',
	capacityKeyFigures: 'kapasitet-nokkeltall-2040',
	table: 'tabell-basis',
	ownKommune: 'din-kommune'
} as const;

const INTRO = `# Eksempelkommune – en fiktiv kommune

**Dette er ikke en virkelig kommune.** Alle tall i denne notatboka er oppdiktet for å vise hvordan verktøyet virker.
Eksempelkommune har om lag 20 000 innbyggere og er formet etter «kommune A» i Agenda Kaupangs evaluering av
Husbankens kommuneprogram (2020): ROP-gruppen (rus og psykiske lidelser) er den største med rundt 55 husstander,
«andre» er den minste med rundt 15, og leietakerne med nedsatt funksjonsevne er unge.

**Status 31.12.2025**

- 236 kommunalt disponerte boliger, om lag 12 per 1 000 innbyggere: 150 ordinære boliger, 30 bemannede boliger
  (for ROP og nedsatt funksjonsevne) og 56 omsorgsboliger (for eldre).
- 16 boliger står ledige (6,8 %). 6 boliger er personalboliger utenfor målgruppene.
- 214 husstander i de fem målgruppene bor i boligene, og 20 står på venteliste.

| Målgruppe | Leietakere | Venter | Nye leietakere 2025 | Botid |
|---|---:|---:|---:|---|
| ROP | 55 | 8 | 9 | 6 år |
| Nedsatt funksjonsevne | 48 | 3 | 2 | varig (4 % flytter ut i året) |
| Eldre | 52 | 4 | 11 | 20 % flytter ut i året |
| Flyktninger | 44 | 2 | 12 | 3-årige kontrakter, 1 av 4 fornyes |
| Andre | 15 | 3 | 4 | 4 år |`;

const HOW_TO_READ = `## Slik er notatboka bygd opp

Notatboka viser først behovet i Basis-scenarioet og hva det bygger på, så sammenhengen mellom botid,
gjennomstrømming og antall boliger, deretter scenarioene, usikkerheten og hva som skjer hvis kommunen ikke skaffer
flere boliger. Alle forutsetninger kan endres, og alt regnes på nytt. Cellene merket som lysbilder kan vises i
presentasjonsmodus.

Befolkningen er en fiktiv framskriving fra 2025 til 2055, laget slik at den ligner SSBs framskrivinger for en
mindre bykommune. Antall innbyggere over 80 år vokser kraftig fra midten av 2020-tallet, når de store
etterkrigskullene blir 80 år: fra om lag 1 100 i 2025 til over 1 800 i 2040.`;

const STOCK_NOTE = `## Boligmassen og planene

Kommunen har vedtatt disse endringene i boligmassen (de er med i alle scenarioene):

- **2026:** 4 innleide boliger leveres tilbake til private eiere (ordinære boliger), fordi det bosettes færre flyktninger.
- **2027:** et nytt bofellesskap med 8 bemannede boliger, først og fremst for ROP.
- **2028:** 6 gamle og slitte boliger i utkanten av kommunen selges.
- **2031:** 12 nye omsorgsboliger for eldre.

Nødvendig antall boliger regnes som behovet (leietakere + ventende) delt på (1 − måltallet for ledighet).
Måltallet er 5 % (mellom 4 og 7 % i usikkerhetsberegningen): noen boliger står alltid tomme mellom to leieforhold
og under vedlikehold. I dag står 6,8 % tomme, blant annet fordi noen boliger ligger der få vil bo.

Grafen under sammenligner nødvendig antall boliger med de boligene kommunen har og har vedtatt.
Der linjen for behovet ligger over planen, mangler det boliger.`;

const LITTLES_LAW = `## Botid, gjennomstrømming og antall boliger

Én enkel sammenheng styrer hele regnestykket:

> **Bebodde boliger = nye leieforhold per år × gjennomsnittlig botid**

Flytter 10 husstander inn hvert år, og bor hver av dem i 5 år, vil det etter hvert bo 50 husstander i boligene.
Flytter de ut etter 4 år i stedet, holder det med 40 boliger. (Sammenhengen kalles Littles lov.)

**Gjennomstrømming og botid er det samme tallet snudd opp ned.** Gjennomstrømming er nye leietakere i året delt
på antall boliger (KOSTRA). Botid er antall boliger delt på nye leietakere. 12,5 % gjennomstrømming er det samme som
8 års botid. Merk at KOSTRA-tallene regner med de ledige boligene: når flere boliger står tomme, ser botiden lengre ut.

### Hva betyr «10 % høyere gjennomstrømming»?

Det kommer an på hva som driver behovet:

- **Når behovet kommer av hvor mange som trenger bolig hvert år** (her: ROP, nedsatt funksjonsevne, flyktninger og
  andre), gir 10 % høyere gjennomstrømming en botid som er 1/1,1 av dagens, altså 9,1 % kortere. Like mange flytter inn,
  men de bor kortere, og på sikt trengs **om lag 9 % færre boliger**. Landet som helhet: 108 000 boliger og 8 års botid
  gir 13 500 nye leieforhold i året. Med 10 % høyere gjennomstrømming og like mange nye leietakere trengs
  98 200 bebodde boliger, 9 800 færre.
- **Når behovet er en andel av en aldersgruppe** (her: eldre, en andel av innbyggerne over 80 år), bestemmer andelen
  behovet, ikke botiden. Kortere botid gir bare flere som flytter inn og ut. **Behovet blir det samme.** Du ser det i
  tornadodiagrammet lenger ned: årlig utflytting for eldre flytter ikke behovet.

### Derfor henger ikke de nasjonale målene sammen

Husbankens kommuneprogram (2014–2020) hadde samtidig mål om 10 % flere kommunalt disponerte boliger og 10 % høyere
gjennomstrømming. Hadde gjennomstrømmingen økt med 10 % uten at flere trengte bolig, ville behovet for boliger ha
falt med rundt 9 %. Agenda Kaupang (2020) ba om nettopp en slik beregning. I virkeligheten økte botiden med 16 % fra 2015 til 2019.

### I dette eksempelet

Scenarioet «Økt gjennomstrømming» lar botiden for ROP, flyktninger og andre gå gradvis ned med 10 % fram mot 2030.
Det er det samme som 11,1 % høyere gjennomstrømming (1/0,9 = 1,111), litt mer enn programmets 10 %. Disse gruppene
trenger da på sikt 10 % færre boliger. Effekten kommer gradvis, for de som allerede bor i boligene, flytter ut i sitt
eget tempo. Nedsatt funksjonsevne og eldre er holdt utenfor: der er leieforholdene ment å vare, og høyere
gjennomstrømming er ikke et mål.`;

const SCENARIOS_NOTE = `## Tre scenarioer

- **Basis:** dagens situasjon videreført. Nytt behov per innbygger øker med 2 % i året for ROP og med 1 % i året for
  nedsatt funksjonsevne. Andelen eldre over 80 år som trenger kommunal bolig faller fra 4,9 % til 4,2 % i 2040.
  Bosettingen av flyktninger går ned fra 45 personer i 2025 til 30 i året fra 2028. Behovet for «andre» faller med 2 % i året.
- **Økt gjennomstrømming:** som Basis, men botiden for ROP, flyktninger og andre går ned 10 % fram mot 2030.
- **Flere flyktninger:** som Basis, men kommunen bosetter 80 flyktninger i 2026, 90 i 2027, 70 i 2028, 60 i 2029
  og deretter 50 i året.

Sammenligningen viser nødvendig antall boliger i hvert scenario, år for år og i ${KEY_YEAR}.`;

const UNCERTAINTY_NOTE = `## Hvor sikre er tallene?

Ingen vet hvor mange som trenger bolig om ti år. De viktigste forutsetningene er derfor gitt som et spenn
(lavest, mest sannsynlig, høyest): botid, trend i behovet, andelen flyktninger som trenger kommunal bolig og hvor
mange som bor i hver husstand, andelen eldre og måltallet for ledighet. Beregningen trekker 2 000 kombinasjoner av
disse og viser spennet i resultatene. Startverdien (seed) er fast, så alle som åpner fila, ser den samme viften.

Tornadodiagrammet viser hvilke forutsetninger som betyr mest for nødvendig antall boliger i ${KEY_YEAR}: hver
forutsetning settes til lavest og høyest, mens resten står på mest sannsynlig verdi. De øverste stolpene er de
forutsetningene det lønner seg å undersøke nærmere.`;

const CAPACITY_NOTE = `## Hva om kommunen ikke skaffer flere boliger?

Scenarioet «Kapasitet: dagens plan» har de samme forutsetningene som Basis, men regner bare med boligene kommunen
har og har vedtatt. Ledige boliger fordeles på dem som venter, i forhold til hvor mange som venter i hver gruppe.
Bemannede boliger og omsorgsboliger går først til sine egne grupper. De som ikke får bolig, blir stående på
venteliste. Nøkkeltallene viser ventelister og ventetid i 2040.`;

const OWN_KOMMUNE = `## Lag en notatbok for din egen kommune

1. Lag en ny notatbok og velg kommunen din.
2. Legg inn SSBs befolkningsframskriving for kommunen (hovedalternativet).
3. Legg inn boligmassen, ledige boliger, leietakere og ventende per målgruppe. KOSTRA (SSB-tabell 12008) gir
   boliger, ledige boliger og nye leietakere; fordelingen på målgrupper må kommunen kartlegge selv, slik kommune A gjorde.
4. Se gjennom forutsetningene for hver målgruppe. Hver forutsetning har en hjelpetekst som forklarer hva den betyr
   og hvor tallene kan hentes.

Behold gjerne Eksempelkommune ved siden av, så du kan se hvordan den er bygd opp.`;

export function createExampleCells(): Cell[] {
	return [
		{
			id: CELL_IDS.intro,
			kind: 'note',
			markdown: INTRO,
			slide: true,
			speakerNotes:
				'Understrek at kommunen er oppdiktet. Tallene er formet etter kommune A i Agenda Kaupangs rapport (2020): ' +
				'ROP er største gruppe, «andre» minst. Status er 31.12.2025.'
		},
		{ id: CELL_IDS.howToRead, kind: 'note', markdown: HOW_TO_READ },
		{
			id: CELL_IDS.needByGroup,
			kind: 'chart',
			chart: 'need-by-group',
			scenarioIds: [B],
			title: 'Behov for kommunal bolig per målgruppe (Basis)',
			slide: true,
			speakerNotes:
				'Flyktningene trenger færre boliger når bosettingen går ned, mens eldre og ROP trenger flere. ' +
				'Behovet for eldre vokser fordi etterkrigskullene blir over 80, selv om andelen som trenger kommunal bolig, faller.'
		},
		{ id: CELL_IDS.assumptions, kind: 'assumptions', scenarioId: B },
		{
			id: CELL_IDS.keyFigures,
			kind: 'key-figures',
			scenarioId: B,
			year: KEY_YEAR,
			slide: true,
			speakerNotes: 'Nøkkeltall om ti år: nødvendig antall boliger, gapet mot planen, gjennomstrømming og botid.'
		},
		{ id: CELL_IDS.stockNote, kind: 'note', markdown: STOCK_NOTE },
		{
			id: CELL_IDS.requiredVsPlanned,
			kind: 'chart',
			chart: 'required-vs-planned',
			scenarioIds: [B],
			title: 'Nødvendig antall boliger mot boligene kommunen har og har vedtatt (Basis)',
			slide: true,
			speakerNotes:
				'Det nye bofellesskapet i 2027 og omsorgsboligene i 2031 holder omtrent tritt med behovet en stund. ' +
				'På lang sikt vokser behovet fra eldre og ROP forbi planen.'
		},
		{
			id: CELL_IDS.littlesLaw,
			kind: 'note',
			markdown: LITTLES_LAW,
			slide: true,
			speakerNotes:
				'Kjernen: boliger = nye leieforhold per år × botid. 10 % høyere gjennomstrømming gir om lag 9 % færre boliger ' +
				'når behovet drives av tilstrømming, men endrer ikke behovet når det er en andel av befolkningen (eldre). ' +
				'Det nasjonale programmet ville ha både 10 % flere boliger og 10 % høyere gjennomstrømming.'
		},
		{
			id: CELL_IDS.flows,
			kind: 'chart',
			chart: 'flows',
			scenarioIds: [B, T],
			title: 'Innflyttinger og utflyttinger: Basis og økt gjennomstrømming'
		},
		{ id: CELL_IDS.scenariosNote, kind: 'note', markdown: SCENARIOS_NOTE },
		{
			id: CELL_IDS.scenarioComparison,
			kind: 'chart',
			chart: 'scenario-comparison',
			scenarioIds: [B, T, F],
			title: 'Nødvendig antall boliger i de tre scenarioene'
		},
		{
			id: CELL_IDS.comparison,
			kind: 'comparison',
			scenarioIds: [B, T, F],
			year: KEY_YEAR,
			slide: true,
			speakerNotes:
				'Kortere botid for ROP, flyktninger og andre gir færre boliger enn Basis; flere flyktninger gir flere. ' +
				'Sammenlign forskjellene med størrelsen på de vedtatte byggeprosjektene (8 og 12 boliger).'
		},
		{ id: CELL_IDS.uncertaintyNote, kind: 'note', markdown: UNCERTAINTY_NOTE },
		{
			id: CELL_IDS.monteCarlo,
			kind: 'chart',
			chart: 'monte-carlo-fan',
			scenarioIds: [B],
			title: 'Usikkerhet i nødvendig antall boliger (Basis)',
			slide: true,
			speakerNotes:
				'Viften viser spennet i de 2 000 beregningene; midtlinjen er medianen. Usikkerheten vokser jo lenger fram vi ser.'
		},
		{
			id: CELL_IDS.shortfall,
			kind: 'chart',
			chart: 'shortfall-probability',
			scenarioIds: [B],
			title: 'Sjansen for at boligene ikke strekker til, år for år (Basis)',
			slide: true,
			speakerNotes:
				'Av de samme 2 000 beregningene: andelen der boligene ikke strekker til, år for år (nøkkeltallet gir den for ett år). ' +
				'Over den stiplede linja på 50 % er det mer sannsynlig enn ikke at den planlagte boligmassen er for liten det året.'
		},
		{
			id: CELL_IDS.tornado,
			kind: 'chart',
			chart: 'tornado',
			scenarioIds: [B],
			year: KEY_YEAR,
			title: `Hvilke forutsetninger betyr mest for behovet i ${KEY_YEAR}? (Basis)`,
			slide: true,
			speakerNotes:
				'Botid og tilstrømming for ROP og forutsetningene om flyktninger betyr mest. ' +
				'Utflytting for eldre betyr ingenting for behovet, fordi det er regnet som en andel av innbyggerne over 80.'
		},
		{ id: CELL_IDS.capacityNote, kind: 'note', markdown: CAPACITY_NOTE },
		{ id: CELL_IDS.capacityKeyFigures, kind: 'key-figures', scenarioId: K, year: 2040 },
		{ id: CELL_IDS.table, kind: 'table', scenarioIds: [B], title: 'Tall per år (Basis)' },
		{ id: CELL_IDS.ownKommune, kind: 'note', markdown: OWN_KOMMUNE }
	];
}
