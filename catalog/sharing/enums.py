"""The closed sets of values of sharing requests: types, purposes, states, actions, documents and outputs."""
from __future__ import annotations

from enum import StrEnum


class RequestType(StrEnum):
    MATERIAL = "material"  # physical material (实物)
    DATA = "data"
    SERVICE = "service"  # custom service (定制服务, regulation Art. 12)


class Purpose(StrEnum):
    ACADEMIC = "academic"
    COMMERCIAL = "commercial"  # needs a paid, cost-based service contract (regulation Art. 18)


class RequestState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    QUOTED = "quoted"
    CONTRACTED = "contracted"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    FEEDBACK = "feedback"  # completed, and the requester has rated the service
    CANCELLED = "cancelled"


class RequestAction(StrEnum):
    SUBMIT = "submit"
    START_REVIEW = "start_review"
    APPROVE = "approve"
    REJECT = "reject"
    QUOTE = "quote"
    ACCEPT_CONTRACT = "accept_contract"
    CONFIRM_PAYMENT = "confirm_payment"
    SHIP = "ship"
    DELIVER = "deliver"
    COMPLETE = "complete"
    FEEDBACK = "feedback"
    CANCEL = "cancel"


class DocumentKind(StrEnum):
    """What a requester must show before a strain of risk group 2 or higher is approved."""
    INSTITUTIONAL_APPROVAL = "institutional_approval"
    LAB_QUALIFICATION = "lab_qualification"


class OutputKind(StrEnum):
    PAPER = "paper"
    PATENT = "patent"
    PRODUCT = "product"
    OTHER = "other"


REQUEST_STATE_LABELS: dict[str, dict[str, str]] = {
    RequestState.DRAFT: {"zh": "草稿", "en": "Draft"},
    RequestState.SUBMITTED: {"zh": "已提交", "en": "Submitted"},
    RequestState.UNDER_REVIEW: {"zh": "审核中", "en": "Under review"},
    RequestState.APPROVED: {"zh": "已批准", "en": "Approved"},
    RequestState.REJECTED: {"zh": "已拒绝", "en": "Rejected"},
    RequestState.QUOTED: {"zh": "已报价", "en": "Quoted"},
    RequestState.CONTRACTED: {"zh": "已签合同", "en": "Contract accepted"},
    RequestState.PAID: {"zh": "已付款", "en": "Paid"},
    RequestState.SHIPPED: {"zh": "已寄送", "en": "Shipped"},
    RequestState.DELIVERED: {"zh": "已交付", "en": "Delivered"},
    RequestState.COMPLETED: {"zh": "已完成", "en": "Completed"},
    RequestState.FEEDBACK: {"zh": "已评价", "en": "Feedback given"},
    RequestState.CANCELLED: {"zh": "已取消", "en": "Cancelled"},
}

DOCUMENT_KIND_LABELS: dict[str, dict[str, str]] = {
    DocumentKind.INSTITUTIONAL_APPROVAL: {"zh": "单位审批证明", "en": "Institutional approval"},
    DocumentKind.LAB_QUALIFICATION: {"zh": "实验室资质证明", "en": "Laboratory qualification"},
}
