"""WordprocessingML element names and values the DOCX reader looks for."""
from __future__ import annotations

from docx.oxml.ns import qn

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
# Containers whose children are read as if they stood in the parent (content controls, tracked insertions ...).
WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo"),
            qn("w:smartTag"), qn("w:hyperlink"), qn("w:fldSimple"), qn("w:dir"), qn("w:bdo"),
            f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"}
FALSE_VALUES = {"0", "false", "off", "none"}
