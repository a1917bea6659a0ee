"""What each step of a sharing request tells whom: the audience and the zh/en text of its notification."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from catalog.sharing.models import SharingRequest
from catalog.services.notifications import Notice


class Audience(StrEnum):
    REQUESTER = "requester"
    CENTER = "center"  # the curators of the request's center


@dataclass(frozen=True)
class Template:
    audience: tuple[Audience, ...]
    subject_zh: str
    subject_en: str
    body_zh: str
    body_en: str


REQUESTER, CENTER = (Audience.REQUESTER,), (Audience.CENTER,)

TEMPLATES: dict[str, Template] = {
    "submit": Template(CENTER, "新的共享申请 {number}", "New sharing request {number}",
                       "{requester} 向{center_zh}提交了共享申请 {number}（{items} 项）。",
                       "{requester} submitted sharing request {number} to {center_en} ({items} items)."),
    "start_review": Template(REQUESTER, "申请 {number} 审核中", "Request {number} is under review",
                             "{center_zh}已开始审核您的申请 {number}。",
                             "{center_en} has started to review your request {number}."),
    "approve": Template(REQUESTER, "申请 {number} 已批准", "Request {number} approved",
                        "{center_zh}批准了您的申请 {number}。", "{center_en} approved your request {number}."),
    "reject": Template(REQUESTER, "申请 {number} 未获批准", "Request {number} rejected",
                       "{center_zh}拒绝了您的申请 {number}。理由：{reason}",
                       "{center_en} rejected your request {number}. Reason: {reason}"),
    "quote": Template(REQUESTER, "申请 {number} 的服务报价", "Fee quote for request {number}",
                      "{center_zh}按成本核算报价 {total} 元，请确认服务合同。",
                      "{center_en} quoted a cost-based fee of CNY {total}; please accept the service contract."),
    "accept_contract": Template(CENTER, "申请 {number} 的合同已确认", "Contract accepted for request {number}",
                                "{requester} 已确认申请 {number} 的服务合同。",
                                "{requester} accepted the service contract of request {number}."),
    "confirm_payment": Template(REQUESTER, "申请 {number} 已确认收款", "Payment confirmed for request {number}",
                                "{center_zh}已确认收到付款（{reference}）。",
                                "{center_en} confirmed your payment ({reference})."),
    "ship": Template(REQUESTER, "申请 {number} 已寄出", "Request {number} shipped",
                     "{center_zh}已寄出实物：{carrier} {tracking}。",
                     "{center_en} shipped the material: {carrier} {tracking}."),
    "deliver": Template(REQUESTER, "申请 {number} 的数据已交付", "Data delivered for request {number}",
                        "{center_zh}已交付数据：{link}", "{center_en} delivered the data: {link}"),
    "complete": Template(REQUESTER, "申请 {number} 已完成：请引用资源编号",
                         "Request {number} completed: please cite the resources",
                         "发表使用这些资源的成果时，请注明资源编号（《办法》第十八条）：\n{citation}",
                         "When you publish results obtained with these resources, please cite their "
                         "identifiers (regulation Art. 18):\n{citation}"),
    "completed": Template(CENTER, "申请 {number} 已完成", "Request {number} completed",
                          "{requester} 确认已收到申请 {number} 的资源。",
                          "{requester} confirmed receipt of request {number}."),
    "feedback": Template(CENTER, "申请 {number} 收到评价", "Feedback on request {number}",
                         "{requester} 评分 {rating}/5：{text}", "{requester} rated the service {rating}/5: {text}"),
    "cancel": Template(CENTER, "申请 {number} 已取消", "Request {number} cancelled",
                       "{requester} 取消了申请 {number}。{reason}", "{requester} cancelled request {number}. {reason}"),
    "document": Template(CENTER, "申请 {number} 上传了证明文件", "Document uploaded for request {number}",
                         "{requester} 上传了{kind_zh}：{file}", "{requester} uploaded {kind_en}: {file}"),
    "message_to_center": Template(CENTER, "申请 {number} 的新留言", "New message on request {number}",
                                  "{author}：{text}", "{author}: {text}"),
    "message_to_requester": Template(REQUESTER, "申请 {number} 的新留言", "New message on request {number}",
                                     "{author}：{text}", "{author}: {text}"),
}


def notice(event: str, request: SharingRequest, **values: Any) -> tuple[tuple[Audience, ...], Notice]:
    """The audience and the filled-in text of one event of a request."""
    template = TEMPLATES[event]
    fields = {"number": f"#{request.id}", "center_zh": request.center.name_zh, "center_en": request.center.name_en,
              "requester": request.requester.display_name or request.requester.username,
              "items": len(request.items), **{key: "" if value is None else value for key, value in values.items()}}
    return template.audience, Notice(event=event, subject_zh=template.subject_zh.format(**fields),
                                     subject_en=template.subject_en.format(**fields),
                                     body_zh=template.body_zh.format(**fields).strip(),
                                     body_en=template.body_en.format(**fields).strip())
