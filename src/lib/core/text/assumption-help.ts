/**
 * Plain-Norwegian explanations and sources for each assumption, shown behind the help toggle in
 * the assumptions editor and in the printed appendix. Sources cite the reports in shared/seeds.
 */
export interface AssumptionHelp {
	label: string;
	explanation: string;
	source: string;
}

export const ASSUMPTION_HELP = {
	botid: {
		label: 'Botid',
		explanation:
			'Hvor mange år en husstand i snitt bor i boligen. Utflyttinger per år = leietakere ÷ botid. Kortere botid gir flere ledige boliger hvert år (høyere gjennomstrømming).',
		source: 'Agenda Kaupang (2020): beregnet botid ca. 8 år nasjonalt 2008–2019, økende.'
	},
	turnover: {
		label: 'Gjennomstrømming',
		explanation:
			'Nye leietakere i året ÷ boliger (KOSTRA-definisjonen). Gjennomstrømming og botid er samme tall snudd opp ned: 12,5 % gjennomstrømming tilsvarer 8 års botid.',
		source: 'Agenda Kaupang (2020), kap. 3; KOSTRA tabell 12008.'
	},
	lease: {
		label: 'Tidsbestemt kontrakt',
		explanation:
			'Leiekontrakter på et fast antall år; ved utløp fornyes en andel. Gjennomsnittlig botid = kontraktslengde ÷ (1 − andel fornyet).',
		source: 'NOVA (2008) og Agenda Kaupang (2020): 3- og 5-årige kontrakter er vanligst.'
	},
	exitRate: {
		label: 'Årlig avgang',
		explanation:
			'For livslange leieforhold (nedsatt funksjonsevne, eldre): andelen leietakere som flytter ut hvert år (til institusjon, dødsfall, annen bolig). Botid ≈ 100 ÷ avgang i %.',
		source: 'Anslag; bør kalibreres mot kommunens egne tall for utflyttinger.'
	},
	turnoverTarget: {
		label: 'Mål for gjennomstrømming',
		explanation:
			'Et mål som «+10 % gjennomstrømming innen 2030», faset inn jevnt fra basisåret. +10 % gjennomstrømming betyr botid × 1/1,1 (9,1 % kortere). Når behovet drives av tilstrømming, gir det om lag 9 % færre boliger; når behovet er en andel av befolkningen, endrer det bare flyttestrømmene.',
		source: 'Husbankens program: mål om +10 % gjennomstrømming 2014–2020 (Agenda Kaupang 2020).'
	},
	ratePer1000: {
		label: 'Nytt behov per 1 000 innbyggere',
		explanation:
			'Husstander som får behov for kommunal bolig i løpet av året, per 1 000 innbyggere i aldersgruppen. Uten egen verdi kalibreres den slik at nytt behov i basisåret er lik utflyttingene (stabilt behov).',
		source: 'Kalibrert fra dagens leietakere og botid, eller kommunens egne tildelingstall.'
	},
	trend: {
		label: 'Årlig trend',
		explanation: 'Endring i raten per år, i prosent. Positivt tall: økende behov per innbygger.',
		source: 'Agenda Kaupang (2020), tabell 6.3: forventet utvikling per målgruppe.'
	},
	sharePct: {
		label: 'Andel av aldersgruppen',
		explanation:
			'Behovet som andel av en aldersgruppe, for eksempel andel av innbyggere 80+ som bor i kommunal bolig. Turnover endrer ikke dette behovet, bare inn- og utflyttingene.',
		source: 'Agenda Kaupang (2020): 3,7 % av 80+ i «andre» kommunale boliger (2019).'
	},
	refugees: {
		label: 'Bosetting av flyktninger',
		explanation:
			'Personer bosatt per år (IMDis anmodning eller kommunestyrets vedtak) × andel som trenger kommunal bolig ÷ personer per husstand.',
		source: 'IMDi; Agenda Kaupang (2020): plan A er det private leiemarkedet.'
	},
	attrition: {
		label: 'Frafall fra ventelisten',
		explanation: 'Andel av ventelisten som hvert år finner annen løsning (plan A, flytter) uten å få kommunal bolig.',
		source: 'Anslag.'
	},
	vacancy: {
		label: 'Mål for ledighet (friksjonsledighet)',
		explanation: 'Andel av boligene som står tomme mellom leieforhold og ved vedlikehold. Nødvendig bestand = behov ÷ (1 − ledighet).',
		source: 'Vanlig planforutsetning ca. 5 %; ledige boliger økte fra 3 257 (2008) til 8 905 (2019) nasjonalt.'
	}
} as const satisfies Record<string, AssumptionHelp>;
