// The report's own look, around the card bubbles that cardRendererParts styles. Colours from Teams'
// light theme; system fonts only, since the page must open without a network.
export const DEMO_REPORT_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; font-size: 14px; line-height: 1.45;
  background: #f5f5f5; color: #242424; }
.page { max-width: 1080px; margin: 0 auto; padding: 28px 24px 64px; }
a { color: #4f52b2; }
a:hover { color: #3d3e8c; }
h1 { font-size: 28px; font-weight: 700; margin: 2px 0 10px; }
h2 { font-size: 18px; font-weight: 600; margin: 0 0 12px; }
.eyebrow { margin: 0; font-size: 12px; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; color: #5b5fc7; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0 0 20px; color: #424242; }
.facts div { display: flex; gap: 6px; }
.facts dt { color: #707070; }
.facts dd { margin: 0; font-weight: 600; }
.tiles { list-style: none; padding: 0; margin: 0 0 24px; display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
@media (max-width: 760px) { .tiles { grid-template-columns: repeat(2, 1fr); } }
.tile { background: #ffffff; border-radius: 8px; padding: 12px 14px; display: flex; flex-direction: column;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12); }
.tile.share { border-top: 3px solid #5b5fc7; }
.tile-title { font-size: 12px; color: #616161; font-weight: 600; }
.tile-value { font-size: 26px; font-weight: 700; line-height: 1.2; margin: 2px 0; font-variant-numeric: tabular-nums; }
.tile.share .tile-value { color: #5b5fc7; }
.tile-note { font-size: 12px; color: #707070; }
.panel { background: #ffffff; border-radius: 8px; padding: 18px 20px; margin: 0 0 24px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12); }
.registration-chart { display: block; width: 100%; height: auto; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.filter { display: inline-flex; align-items: center; gap: 8px; margin: 0 0 10px; color: #616161; font-weight: 600; }
.filter input { font: inherit; font-weight: 400; padding: 5px 10px; width: 280px; border: 1px solid #d1d1d1; border-radius: 4px; }
/* A tenant's worth of rows scrolls inside the panel, so the sections below stay within reach. */
.people-scroll { max-height: 560px; overflow: auto; }
table.people { width: 100%; border-collapse: collapse; }
.people thead th { position: sticky; top: 0; background: #ffffff; }
.people th { text-align: left; font-size: 12px; font-weight: 600; color: #616161; padding: 6px 10px; border-bottom: 1px solid #d1d1d1; }
.people td { padding: 7px 10px; border-bottom: 1px solid #ededed; vertical-align: top; }
.people tbody tr:hover { background: #f5f5fc; }
.people a { font-weight: 600; text-decoration: none; }
.people .upn { display: block; font-size: 12px; color: #707070; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.none { color: #9e9e9e; }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin: 0 8px 1px 0; background: #bdbdbd; }
.status-registered .dot { background: #13a10e; }
.status-open .dot { background: #e37d00; }
.intro { margin: -4px 0 14px; color: #616161; }
details.person { background: #ffffff; border-radius: 8px; margin: 0 0 8px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12); }
details.person[open] { box-shadow: 0 2px 8px rgba(0, 0, 0, 0.14); }
.person summary { cursor: pointer; padding: 12px 16px; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px;
  list-style: none; }
.person summary::-webkit-details-marker { display: none; }
/* A flex summary loses its marker, so the open/closed chevron is drawn here. */
.person summary::before { content: ""; width: 7px; height: 7px; margin: 0 2px 2px 0; border: solid #5b5fc7;
  border-width: 0 2px 2px 0; transform: rotate(-45deg); transition: transform 0.15s; align-self: center; }
.person[open] summary::before { transform: rotate(45deg); }
.person summary:hover .name { color: #4f52b2; }
.person summary .name { font-weight: 600; }
.person summary .upn, .person summary .count { font-size: 12px; color: #707070; }
.person summary .summary-outcome { flex: 1; color: #424242; }
.person-body { padding: 0 16px 8px 40px; }
.person-facts { margin: 0 0 12px; color: #616161; }
.no-messages { color: #616161; margin: 0 0 12px; }
ol.messages { list-style: none; margin: 0; padding: 0 0 0 18px; border-left: 2px solid #e0e0e0; }
.message { position: relative; margin: 0 0 6px; }
.message::before { content: ""; position: absolute; left: -26px; top: 5px; width: 10px; height: 10px; border-radius: 50%;
  background: #ffffff; border: 2px solid #5b5fc7; }
.message.kind-escalation::before { border-color: #c4314b; }
.message.kind-helpdesk::before { border-color: #e37d00; }
.message.kind-reply::before { border-color: #13a10e; }
.message-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; margin: 0 0 6px; }
.message-meta time { font-size: 12px; color: #616161; font-variant-numeric: tabular-nums; }
.message-meta .kind { font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #e8ebfa; color: #3d3e8c; }
.kind-escalation .kind { background: #fdf3f4; color: #a4262c; }
.kind-helpdesk .kind { background: #fff4e5; color: #8a4600; }
.kind-reply .kind { background: #e7f4e4; color: #0e700e; }
.message-meta .label { font-weight: 600; }
.message .bubble { background: #ffffff; }
footer { margin-top: 32px; font-size: 12px; color: #707070; }
`;
