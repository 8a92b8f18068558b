// The homework sheet's stylesheet: A4 portrait, black on white, sized in mm and pt for paper.
// The codes' sizes come inline from render-handout.ts; the rows here leave them their quiet zone.
export const HANDOUT_CSS = `
@page { size: 210mm 297mm; margin: 11mm 14mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: #111;
  background: #fff;
  font: 10.5pt/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif, 'Noto Color Emoji';
}
header { border-bottom: 1.2mm solid #0045c2; padding-bottom: 3mm; margin-bottom: 2mm; }
.organisation { margin: 0 0 1mm; font-size: 9pt; color: #555; letter-spacing: 0.04em; text-transform: uppercase; }
h1 { margin: 0; font-size: 26pt; line-height: 1.1; }
.deck { margin: 1.5mm 0 0; font-size: 13pt; font-weight: 600; }
.meta { margin: 0.5mm 0 0; font-size: 11pt; color: #333; }
.tasks { list-style: none; margin: 0; padding: 0; }
.task {
  display: grid;
  grid-template-columns: var(--qr-column) 1fr;
  column-gap: 4mm;
  align-items: center;
  break-inside: avoid;
}
.task + .task .text { border-top: 0.3mm solid #c4c8ce; }
.qr { line-height: 0; }
.qr svg { display: block; }
.text { align-self: stretch; display: flex; flex-direction: column; justify-content: center; padding: 2mm 0; min-height: 100%; }
.kind { margin: 0; font-size: 9pt; font-weight: 600; color: #0045c2; text-transform: uppercase; letter-spacing: 0.03em; }
.kind svg { vertical-align: -0.15em; }
h2 { margin: 0.5mm 0 1mm; font-size: 14pt; line-height: 1.2; }
.details { font-size: 10pt; color: #222; }
.details > :first-child { margin-top: 0; }
.details p, .details ul, .details ol { margin: 0 0 1mm; }
.details ul, .details ol { padding-left: 5mm; }
.details img { max-width: 60mm; max-height: 20mm; }
.link { margin: 1mm 0 0; font-size: 11pt; font-weight: 700; overflow-wrap: anywhere; }
.due { margin: 1.2mm 0 0; align-self: flex-start; padding: 0.4mm 2.2mm; border: 0.35mm solid #111; border-radius: 1.5mm; font-size: 10pt; font-weight: 700; }
.count-1 .task h2, .count-2 .task h2, .count-3 .task h2 { font-size: 17pt; }
footer { margin-top: 3mm; padding-top: 2mm; border-top: 0.3mm solid #c4c8ce; font-size: 9pt; color: #444; display: flex; justify-content: space-between; gap: 6mm; }
footer p { margin: 0; }
footer .link { margin: 0; font-size: 9pt; }
`
